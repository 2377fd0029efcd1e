package io.skillwise.promotion.coupon;

import io.skillwise.events.common.Money;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.OrderLine;
import io.skillwise.events.promotion.CouponRedeemed;
import io.skillwise.kit.messaging.EventPublisher;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.Ownership;
import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.MoneyRequest;
import io.skillwise.kit.web.PageView;
import io.skillwise.promotion.coupon.Coupon.CouponKind;
import io.skillwise.promotion.coupon.Coupon.CouponScope;
import io.skillwise.promotion.coupon.Coupon.CouponStatus;
import io.skillwise.promotion.coupon.CouponRequests.CreateCouponRequest;
import io.skillwise.promotion.coupon.CouponRequests.UpdateCouponRequest;
import io.skillwise.promotion.replica.Course;
import io.skillwise.promotion.replica.CourseReplica;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Coupon management for owners and admins, the lookups pricing needs, and redemptions from paid orders. */
@Service
public class CouponService {

    private final CouponRepository coupons;
    private final CourseReplica courses;
    private final EventPublisher events;
    private final Clock clock;

    CouponService(CouponRepository coupons, CourseReplica courses, EventPublisher events, Clock clock) {
        this.coupons = coupons;
        this.courses = courses;
        this.events = events;
        this.clock = clock;
    }

    /** Codes are unique whatever the case they are typed in; they are kept upper case. */
    public static String normalize(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }

    @Transactional
    public CouponView create(CreateCouponRequest request, CurrentUser caller) {
        checkAmounts(request.kind(), request.percentOff(), request.amountOff(), request.minimumPrice());
        checkWindow(request.startsAt(), request.endsAt());
        List<UUID> courseIds = request.courseIds() == null ? List.of() : List.copyOf(request.courseIds());
        UUID ownerId = switch (request.scope()) {
            case PLATFORM -> {
                if (!caller.isAdmin()) {
                    throw ApiException.forbidden("only admins create platform-wide coupons");
                }
                noCourses(courseIds);
                yield null;
            }
            case INSTRUCTOR -> {
                noCourses(courseIds);
                if (caller.isAdmin()) {
                    if (request.instructorId() == null) {
                        throw ApiException.badRequest("an admin names the instructor (instructorId) of the coupon");
                    }
                    yield request.instructorId();
                }
                yield caller.id();
            }
            case COURSES -> ownerOfCourses(courseIds, caller);
        };
        Instant now = clock.instant();
        Coupon coupon = new Coupon(UUID.randomUUID(), normalize(request.code()), ownerId, caller.id(), request.kind(),
                request.percentOff(), request.amountOff() == null ? null : request.amountOff().amount(),
                currencyOf(request.amountOff(), request.minimumPrice()), request.scope(), courseIds,
                request.startsAt(), request.endsAt(), request.totalLimit(), request.perUserLimit(),
                request.minimumPrice() == null ? null : request.minimumPrice().amount(),
                Boolean.TRUE.equals(request.firstPurchaseOnly()), CouponStatus.ACTIVE, null, true, 0, now, now);
        if (!coupons.insert(coupon)) {
            throw ApiException.conflict("the code " + coupon.code() + " is taken");
        }
        return CouponView.of(coupons.find(coupon.id()).orElseThrow());
    }

    @Transactional(readOnly = true)
    public PageView<CouponView> list(CurrentUser caller, UUID ownerFilter, int page, int size) {
        PageView.check(page, size);
        // an instructor sees their own coupons; an admin everything, or one instructor's
        UUID owner = caller.isAdmin() ? ownerFilter : caller.id();
        return PageView.of(coupons.page(owner, page, size).stream().map(CouponView::of).toList(), page, size,
                coupons.count(owner));
    }

    @Transactional(readOnly = true)
    public CouponView get(UUID id, CurrentUser caller) {
        return CouponView.of(visible(id, caller));
    }

    @Transactional
    public CouponView update(UUID id, UpdateCouponRequest request, CurrentUser caller) {
        Coupon coupon = visible(id, caller);
        if (request.percentOff() != null && coupon.kind() != CouponKind.PERCENT
                || request.amountOff() != null && coupon.kind() != CouponKind.FIXED) {
            throw ApiException.badRequest("a coupon's kind cannot change; send percentOff for PERCENT, "
                    + "amountOff for FIXED");
        }
        String currency = coupon.currency();
        for (MoneyRequest money : new MoneyRequest[] {request.amountOff(), request.minimumPrice()}) {
            if (money != null && currency != null && !currency.equals(money.currency())) {
                throw ApiException.badRequest("amounts of this coupon are in " + currency);
            }
            if (money != null && currency == null) {
                currency = money.currency();
            }
        }
        if (request.amountOff() != null && request.amountOff().amount() == 0) {
            throw ApiException.badRequest("amountOff must be more than zero");
        }
        List<UUID> courseIds = coupon.courseIds();
        if (request.courseIds() != null) {
            if (coupon.scope() != CouponScope.COURSES) {
                throw ApiException.badRequest("only a COURSES coupon lists courses");
            }
            UUID owner = ownerOfCourses(request.courseIds(), caller);
            if (!owner.equals(coupon.ownerId())) {
                throw ApiException.badRequest("a coupon's courses stay with one instructor");
            }
            courseIds = List.copyOf(request.courseIds());
        }
        Instant startsAt = request.startsAt() != null ? request.startsAt() : coupon.startsAt();
        Instant endsAt = request.endsAt() != null ? request.endsAt() : coupon.endsAt();
        checkWindow(startsAt, endsAt);
        Coupon changed = new Coupon(coupon.id(), coupon.code(), coupon.ownerId(), coupon.createdBy(), coupon.kind(),
                request.percentOff() != null ? request.percentOff() : coupon.percentOff(),
                request.amountOff() != null ? request.amountOff().amount() : coupon.amountOff(), currency,
                coupon.scope(), courseIds, startsAt, endsAt,
                request.totalLimit() != null ? request.totalLimit() : coupon.totalLimit(),
                request.perUserLimit() != null ? request.perUserLimit() : coupon.perUserLimit(),
                request.minimumPrice() != null ? request.minimumPrice().amount() : coupon.minimumPrice(),
                request.firstPurchaseOnly() != null ? request.firstPurchaseOnly() : coupon.firstPurchaseOnly(),
                coupon.status(), coupon.campaignId(), coupon.campaignOpen(), coupon.redemptions(),
                coupon.createdAt(), clock.instant());
        coupons.update(changed);
        return CouponView.of(coupons.find(id).orElseThrow());
    }

    @Transactional
    public CouponView setStatus(UUID id, CouponStatus status, CurrentUser caller) {
        Coupon coupon = visible(id, caller);
        coupons.update(withStatus(coupon, status, coupon.campaignId()));
        return CouponView.of(coupons.find(id).orElseThrow());
    }

    /** A redeemed coupon stays for the record (reports count it); pause it instead. */
    @Transactional
    public void delete(UUID id, CurrentUser caller) {
        visible(id, caller);
        if (!coupons.delete(id)) {
            throw ApiException.conflict("a redeemed coupon cannot be deleted; pause it instead");
        }
    }

    // --- for pricing -------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Optional<Coupon> findByCode(String code) {
        return coupons.findByCode(normalize(code));
    }

    @Transactional(readOnly = true)
    public long redemptionsBy(UUID couponId, UUID buyerId) {
        return coupons.redemptionsBy(couponId, buyerId);
    }

    /** Remembers what a quote gave, so the redemption can tell the coupon's share of the order's discount. */
    @Transactional
    public void rememberQuote(UUID couponId, UUID buyerId, Collection<UUID> courseIds, long discount) {
        coupons.rememberQuote(couponId, buyerId, courseKey(courseIds), discount, clock.instant());
    }

    /**
     * Quotes older than any open checkout (a Stripe session lives 24 h at most) can no longer turn into a
     * redemption; they are dropped.
     */
    @Transactional
    public int forgetOldQuotes() {
        return coupons.forgetQuotesBefore(clock.instant().minus(java.time.Duration.ofHours(48)));
    }

    // --- from paid orders ----------------------------------------------------------------------------------------

    /**
     * Counts the coupon of a paid order, whatever its limits say now: the limits were checked when the checkout
     * was quoted, and a price once quoted is honoured (ADR 0006 point 6). Runs in the inbox's transaction.
     */
    @Transactional
    public void purchased(CoursePurchased purchase) {
        if (purchase.couponId() == null) {
            return;
        }
        Optional<Coupon> found = coupons.find(purchase.couponId());
        if (found.isEmpty()) {
            return; // not one of ours (or deleted before it was ever redeemed): nothing to count
        }
        Coupon coupon = found.get();
        List<UUID> scoped = new ArrayList<>();
        for (OrderLine line : purchase.lines()) {
            if (coupon.covers(line.courseId(), line.instructorId(), line.paid().currency())) {
                scoped.add(line.courseId());
            }
        }
        long discount = coupons.quotedDiscount(coupon.id(), purchase.buyerId(), courseKey(purchase.courseIds()))
                .map(quoted -> Math.min(quoted, purchase.discount().amount()))
                .orElse(purchase.discount().amount());
        UUID redemptionId = UUID.randomUUID();
        Instant now = clock.instant();
        if (coupons.redeem(redemptionId, coupon.id(), purchase.orderId(), purchase.buyerId(), discount,
                purchase.total().currency(), scoped, purchase.purchasedAt())) {
            events.publish(new CouponRedeemed(redemptionId, coupon.id(), coupon.code(), coupon.ownerId(),
                    coupon.campaignId(), purchase.orderId(), purchase.buyerId(), scoped,
                    Money.of(discount, purchase.total().currency()), now));
        }
    }

    // --- for campaigns -----------------------------------------------------------------------------------------

    /** Puts the caller's coupons into a campaign; someone else's coupon is "not found", as everywhere. */
    @Transactional
    public List<Coupon> attach(Collection<UUID> couponIds, UUID campaignId, CurrentUser caller) {
        List<Coupon> attached = new ArrayList<>();
        for (UUID id : couponIds) {
            Coupon coupon = visible(id, caller);
            if (coupon.campaignId() != null && !coupon.campaignId().equals(campaignId)) {
                throw ApiException.conflict("coupon " + coupon.code() + " already belongs to another campaign");
            }
            coupons.update(withStatus(coupon, coupon.status(), campaignId));
            attached.add(coupons.find(id).orElseThrow());
        }
        return attached;
    }

    @Transactional(readOnly = true)
    public List<Coupon> ofCampaign(UUID campaignId) {
        return coupons.ofCampaign(campaignId);
    }

    @Transactional(readOnly = true)
    public List<RedemptionFigure> redemptions(List<UUID> couponIds) {
        return coupons.redemptions(couponIds);
    }

    // --- rules ---------------------------------------------------------------------------------------------------

    private Coupon visible(UUID id, CurrentUser caller) {
        Coupon coupon = coupons.find(id).orElseThrow(() -> ApiException.notFound("coupon " + id));
        // someone else's coupon answers exactly like a missing one, so ids cannot be probed
        if (!Ownership.isOwnerOrAdmin(caller, coupon.ownerId())) {
            throw ApiException.notFound("coupon " + id);
        }
        return coupon;
    }

    private UUID ownerOfCourses(List<UUID> courseIds, CurrentUser caller) {
        if (courseIds.isEmpty()) {
            throw ApiException.badRequest("a COURSES coupon names at least one course");
        }
        Map<UUID, Course> found = courses.findAll(courseIds);
        UUID owner = null;
        for (UUID courseId : courseIds) {
            Course course = found.get(courseId);
            if (course == null) {
                throw ApiException.badRequest("course " + courseId + " is not known");
            }
            if (!Ownership.isOwnerOrAdmin(caller, course.instructorId())) {
                throw ApiException.forbidden("course " + courseId + " belongs to another instructor");
            }
            if (owner != null && !owner.equals(course.instructorId())) {
                throw ApiException.badRequest("a coupon's courses belong to one instructor");
            }
            owner = course.instructorId();
        }
        return owner;
    }

    private static void noCourses(List<UUID> courseIds) {
        if (!courseIds.isEmpty()) {
            throw ApiException.badRequest("only a COURSES coupon lists courses");
        }
    }

    private static void checkAmounts(CouponKind kind, Integer percentOff, MoneyRequest amountOff,
                                     MoneyRequest minimumPrice) {
        if (kind == CouponKind.PERCENT && (percentOff == null || amountOff != null)) {
            throw ApiException.badRequest("a PERCENT coupon has percentOff and no amountOff");
        }
        if (kind == CouponKind.FIXED && (amountOff == null || percentOff != null)) {
            throw ApiException.badRequest("a FIXED coupon has amountOff and no percentOff");
        }
        if (amountOff != null && amountOff.amount() == 0) {
            throw ApiException.badRequest("amountOff must be more than zero");
        }
        if (amountOff != null && minimumPrice != null && !amountOff.currency().equals(minimumPrice.currency())) {
            throw ApiException.badRequest("amountOff and minimumPrice must be in one currency");
        }
    }

    private static void checkWindow(Instant startsAt, Instant endsAt) {
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            throw ApiException.badRequest("endsAt must be after startsAt");
        }
    }

    private static String currencyOf(MoneyRequest amountOff, MoneyRequest minimumPrice) {
        return amountOff != null ? amountOff.currency() : minimumPrice != null ? minimumPrice.currency() : null;
    }

    private static Coupon withStatus(Coupon c, CouponStatus status, UUID campaignId) {
        return new Coupon(c.id(), c.code(), c.ownerId(), c.createdBy(), c.kind(), c.percentOff(), c.amountOff(),
                c.currency(), c.scope(), c.courseIds(), c.startsAt(), c.endsAt(), c.totalLimit(), c.perUserLimit(),
                c.minimumPrice(), c.firstPurchaseOnly(), status, campaignId, c.campaignOpen(), c.redemptions(),
                c.createdAt(), Instant.now());
    }

    private static String courseKey(Collection<UUID> courseIds) {
        return String.join(",", courseIds.stream().map(UUID::toString).sorted().toList());
    }
}
