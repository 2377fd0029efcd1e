package io.skillwise.promotion.quote;

import io.skillwise.events.common.Money;
import io.skillwise.kit.web.ApiException;
import io.skillwise.promotion.affiliate.AffiliateProgram;
import io.skillwise.promotion.affiliate.AffiliateService;
import io.skillwise.promotion.bundle.Bundle;
import io.skillwise.promotion.bundle.BundleService;
import io.skillwise.promotion.coupon.Coupon;
import io.skillwise.promotion.coupon.CouponService;
import io.skillwise.promotion.guessing.CodeGuessing;
import io.skillwise.promotion.quote.PriceSheet.AppliedKind;
import io.skillwise.promotion.quote.PriceSheet.Line;
import io.skillwise.promotion.quote.PriceSheet.RejectedKind;
import io.skillwise.promotion.quote.QuoteView.AppliedView;
import io.skillwise.promotion.quote.QuoteView.CouponRef;
import io.skillwise.promotion.quote.QuoteView.LineView;
import io.skillwise.promotion.quote.QuoteView.ReferralRef;
import io.skillwise.promotion.quote.QuoteView.RejectedView;
import io.skillwise.promotion.referral.ReferralCode;
import io.skillwise.promotion.referral.ReferralCodes;
import io.skillwise.promotion.referral.ReferralService;
import io.skillwise.promotion.replica.Course;
import io.skillwise.promotion.replica.CourseReplica;
import io.skillwise.promotion.replica.History;
import io.skillwise.promotion.sale.Sale;
import io.skillwise.promotion.sale.SaleService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Prices a checkout as ADR 0006 point 4 orders it: list price, best active sale, bundle price, one coupon, a
 * learner referral (not with a coupon); an affiliate code changes no price. Nothing is used up here: redemptions
 * are recorded from CoursePurchased. A quote writes only the buyer's first contact with a referral code, what the
 * coupon gave (for the redemption's figures) and, for a code that cannot be used, a failed guess
 * ({@link CodeGuessing}).
 */
@Service
public class QuoteService {

    static final String INVALID_CODE = "INVALID_CODE";
    static final String INVALID_MESSAGE = "this code cannot be used";

    private final CourseReplica courses;
    private final SaleService sales;
    private final BundleService bundles;
    private final CouponService coupons;
    private final ReferralCodes referralCodes;
    private final ReferralService referrals;
    private final AffiliateService affiliates;
    private final History history;
    private final CodeGuessing guessing;
    private final Clock clock;

    QuoteService(CourseReplica courses, SaleService sales, BundleService bundles, CouponService coupons,
                 ReferralCodes referralCodes, ReferralService referrals, AffiliateService affiliates,
                 History history, CodeGuessing guessing, Clock clock) {
        this.courses = courses;
        this.sales = sales;
        this.bundles = bundles;
        this.coupons = coupons;
        this.referralCodes = referralCodes;
        this.referrals = referrals;
        this.affiliates = affiliates;
        this.history = history;
        this.guessing = guessing;
        this.clock = clock;
    }

    /**
     * @param clientAddress where the buyer called from ({@link CodeGuessing} counts failed codes per address too), or
     *                      {@code null} when unknown
     */
    @Transactional
    public QuoteView quote(UUID buyerId, String clientAddress, UUID courseId, UUID bundleId, String couponCode,
                           String referralCode) {
        if ((courseId == null) == (bundleId == null)) {
            throw ApiException.badRequest("name exactly one of courseId and bundleId");
        }
        boolean namesACode = isGiven(couponCode) || isGiven(referralCode);
        if (namesACode) {
            guessing.checkAllowed(buyerId, clientAddress);
        }
        Instant now = clock.instant();
        Optional<Bundle> bundle = Optional.empty();
        PriceSheet sheet;
        if (courseId != null) {
            Course course = courses.find(courseId).filter(Course::sellable)
                    .orElseThrow(() -> ApiException.notFound("course " + courseId));
            sheet = new PriceSheet(course.price().currency(), List.of(line(course)));
        } else {
            bundle = Optional.of(bundles.findActive(bundleId)
                    .orElseThrow(() -> ApiException.notFound("bundle " + bundleId)));
            sheet = bundleSheet(bundle.get());
        }

        // 1. the best active sale per line
        List<Line> lines = sheet.lines();
        Map<UUID, Sale> onSale = sales.bestActive(lines.stream().map(Line::courseId).toList(), now);
        for (int i = 0; i < lines.size(); i++) {
            Sale sale = onSale.get(lines.get(i).courseId());
            if (sale != null && sale.salePrice().currency().equals(sheet.currency())) {
                sheet.sale(i, sale.salePrice().amount(), "Sale on " + lines.get(i).title());
            }
        }
        // 2. the bundle price replaces the sum of its courses
        bundle.ifPresent(b -> sheet.bundle(b.price().amount(), "Bundle: " + b.title()));
        // 3. one coupon per order
        Optional<Coupon> coupon = isGiven(couponCode) ? applyCoupon(sheet, buyerId, couponCode, now) : Optional.empty();
        // 4. a referral code: a learner's discount (never with a coupon) or an affiliate's attribution
        Optional<ReferralRef> referral = isGiven(referralCode)
                ? applyReferral(sheet, buyerId, referralCode, coupon.isPresent()) : Optional.empty();

        if (sheet.rejected().stream().anyMatch(rejected -> INVALID_CODE.equals(rejected.reason()))) {
            guessing.failed(buyerId, clientAddress);
        }
        return view(sheet, bundle.map(Bundle::id).orElse(null), coupon.map(c -> new CouponRef(c.id(), c.code())),
                referral);
    }

    private static boolean isGiven(String code) {
        return code != null && !code.isBlank();
    }

    private PriceSheet bundleSheet(Bundle bundle) {
        Map<UUID, Course> found = courses.findAll(bundle.courseIds());
        List<Line> lines = new ArrayList<>();
        for (UUID id : bundle.courseIds()) {
            Course course = found.get(id);
            // a bundle whose course was withdrawn cannot be sold as promised
            if (course == null || !course.sellable() || !course.price().currency().equals(bundle.price().currency())) {
                throw ApiException.notFound("bundle " + bundle.id());
            }
            lines.add(line(course));
        }
        return new PriceSheet(bundle.price().currency(), lines);
    }

    private Optional<Coupon> applyCoupon(PriceSheet sheet, UUID buyerId, String rawCode, Instant now) {
        String code = CouponService.normalize(rawCode);
        Optional<Coupon> found = coupons.findByCode(code);
        List<Line> lines = sheet.lines();
        List<Integer> scoped = new ArrayList<>();
        if (found.isPresent()) {
            for (int i = 0; i < lines.size(); i++) {
                if (found.get().covers(lines.get(i).courseId(), lines.get(i).instructorId(), sheet.currency())) {
                    scoped.add(i);
                }
            }
        }
        // unknown, paused, not yet valid, expired, exhausted, or for other courses: one answer (ADR 0006 point 7)
        if (found.isEmpty() || !found.get().usableAt(now) || scoped.isEmpty()) {
            sheet.reject(RejectedKind.COUPON, code, INVALID_CODE, INVALID_MESSAGE);
            return Optional.empty();
        }
        Coupon coupon = found.get();
        if (coupon.perUserLimit() != null && coupons.redemptionsBy(coupon.id(), buyerId) >= coupon.perUserLimit()) {
            sheet.reject(RejectedKind.COUPON, code, "USAGE_LIMIT_REACHED", "you have already used this code");
            return Optional.empty();
        }
        if (coupon.firstPurchaseOnly() && history.hasPurchased(buyerId)) {
            sheet.reject(RejectedKind.COUPON, code, "FIRST_PURCHASE_ONLY", "this code is for a first purchase only");
            return Optional.empty();
        }
        int[] on = scoped.stream().mapToInt(Integer::intValue).toArray();
        long[] prices = new long[on.length];
        for (int k = 0; k < on.length; k++) {
            prices[k] = sheet.current(on[k]);
        }
        long scopedTotal = java.util.Arrays.stream(prices).sum();
        if (coupon.minimumPrice() != null && scopedTotal < coupon.minimumPrice()) {
            sheet.reject(RejectedKind.COUPON, code, "MINIMUM_NOT_MET",
                    "this code needs a price of at least " + coupon.minimumPrice() + " " + coupon.currency());
            return Optional.empty();
        }
        long taken = sheet.take(on, coupon.discounts(prices, Spread::proportionally), AppliedKind.COUPON, code,
                coupon.kind() == Coupon.CouponKind.PERCENT ? coupon.percentOff() + "% off with " + code
                        : "Coupon " + code);
        coupons.rememberQuote(coupon.id(), buyerId, lines.stream().map(Line::courseId).toList(), taken);
        return Optional.of(coupon);
    }

    private Optional<ReferralRef> applyReferral(PriceSheet sheet, UUID buyerId, String rawCode, boolean couponApplied) {
        String code = ReferralCodes.normalize(rawCode);
        Optional<ReferralCode> found = referralCodes.find(code);
        if (found.isEmpty()) {
            sheet.reject(RejectedKind.REFERRAL, code, INVALID_CODE, INVALID_MESSAGE);
            return Optional.empty();
        }
        ReferralCode referral = found.get();
        if (referral.userId().equals(buyerId)) {
            sheet.reject(RejectedKind.REFERRAL, code, "SELF_REFERRAL", "your own code does not count for you");
            return Optional.empty();
        }
        if (referral.kind() == ReferralCode.Kind.AFFILIATE) {
            Optional<AffiliateService.CodeProgram> program = affiliates.programOf(code);
            List<Line> lines = sheet.lines();
            boolean covers = program.isPresent()
                    && program.get().program().status() == AffiliateProgram.ProgramStatus.OPEN
                    && lines.stream().anyMatch(l -> program.get().program().covers(l.courseId(), l.instructorId()));
            if (!covers) {
                sheet.reject(RejectedKind.REFERRAL, code, INVALID_CODE, INVALID_MESSAGE);
                return Optional.empty();
            }
            affiliates.touched(code, buyerId);
            sheet.take(new int[0], new long[0], AppliedKind.REFERRAL, code, "Referred by an affiliate");
            return Optional.of(new ReferralRef(code, "AFFILIATE"));
        }
        if (couponApplied) {
            sheet.reject(RejectedKind.REFERRAL, code, "NOT_COMBINABLE", "a referral code does not combine with a coupon");
            return Optional.empty();
        }
        if (history.hasPurchased(buyerId)) {
            sheet.reject(RejectedKind.REFERRAL, code, "FIRST_PURCHASE_ONLY",
                    "a friend's code counts on a first purchase only");
            return Optional.empty();
        }
        int percent = referrals.friendDiscountPercent();
        int[] all = sheet.allLines();
        long[] amounts = new long[all.length];
        for (int i = 0; i < all.length; i++) {
            amounts[i] = Math.multiplyExact(sheet.current(i), percent) / 100;
        }
        sheet.take(all, amounts, AppliedKind.REFERRAL, code, percent + "% off from a friend's code");
        return Optional.of(new ReferralRef(code, "LEARNER"));
    }

    private static QuoteView view(PriceSheet sheet, UUID bundleId, Optional<CouponRef> coupon,
                                  Optional<ReferralRef> referral) {
        String currency = sheet.currency();
        List<LineView> lines = new ArrayList<>();
        long discount = 0;
        for (int i = 0; i < sheet.lines().size(); i++) {
            Line line = sheet.lines().get(i);
            long lineDiscount = sheet.discount(i);
            discount += lineDiscount;
            lines.add(new LineView(line.courseId(), Money.of(line.price(), currency), Money.of(lineDiscount, currency),
                    Money.of(sheet.current(i), currency)));
        }
        long price = sheet.listTotal();
        return new QuoteView(currency, bundleId, lines, Money.of(price, currency), Money.of(discount, currency),
                Money.of(price - discount, currency), coupon.orElse(null), referral.orElse(null),
                sheet.applied().stream().map(a -> new AppliedView(a.kind().name(), a.code(),
                        Money.of(a.amount(), currency), a.description())).toList(),
                sheet.rejected().stream().map(r -> new RejectedView(r.kind().name(), r.code(), r.reason(),
                        r.message())).toList());
    }

    private static Line line(Course course) {
        return new Line(course.id(), course.instructorId(), course.title(), course.price().amount());
    }
}
