package io.skillwise.promotion.campaign;

import io.skillwise.events.common.Money;
import io.skillwise.events.promotion.CampaignEnded;
import io.skillwise.events.promotion.CampaignStarted;
import io.skillwise.kit.messaging.EventPublisher;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.Ownership;
import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.PageView;
import io.skillwise.promotion.campaign.Campaign.CampaignStatus;
import io.skillwise.promotion.campaign.CampaignViews.CampaignReport;
import io.skillwise.promotion.campaign.CampaignViews.CampaignView;
import io.skillwise.promotion.campaign.CampaignViews.CourseFigures;
import io.skillwise.promotion.campaign.CampaignViews.CreateCampaignRequest;
import io.skillwise.promotion.campaign.CampaignViews.DayFigures;
import io.skillwise.promotion.campaign.CampaignViews.Figures;
import io.skillwise.promotion.coupon.Coupon;
import io.skillwise.promotion.coupon.CouponService;
import io.skillwise.promotion.coupon.RedemptionFigure;
import io.skillwise.promotion.replica.Course;
import io.skillwise.promotion.replica.CourseReplica;
import io.skillwise.promotion.replica.DailyFigure;
import io.skillwise.promotion.replica.History;
import io.skillwise.promotion.sale.Sale;
import io.skillwise.promotion.sale.SaleService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Campaigns: their lifecycle (CampaignStarted / CampaignEnded) and their effectiveness report. */
@Service
public class CampaignService {

    private final CampaignRepository campaigns;
    private final CouponService coupons;
    private final SaleService sales;
    private final CourseReplica courses;
    private final History history;
    private final EventPublisher events;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, CouponService coupons, SaleService sales, CourseReplica courses,
                    History history, EventPublisher events, Clock clock) {
        this.campaigns = campaigns;
        this.coupons = coupons;
        this.sales = sales;
        this.courses = courses;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A campaign may start in the past (it starts now, and its report counts from its start), but must not be
     * over already.
     */
    @Transactional
    public CampaignView create(CreateCampaignRequest request, CurrentUser caller) {
        Instant now = clock.instant();
        if (!request.endsAt().isAfter(request.startsAt())) {
            throw ApiException.badRequest("endsAt must be after startsAt");
        }
        if (!request.endsAt().isAfter(now)) {
            throw ApiException.badRequest("endsAt must be in the future");
        }
        List<UUID> courseIds = request.courseIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.courseIds()));
        Map<UUID, Course> found = courses.findAll(courseIds);
        for (UUID courseId : courseIds) {
            Course course = found.get(courseId);
            if (course == null) {
                throw ApiException.badRequest("course " + courseId + " is not known");
            }
            if (!Ownership.isOwnerOrAdmin(caller, course.instructorId())) {
                throw ApiException.forbidden("course " + courseId + " belongs to another instructor");
            }
        }
        Campaign campaign = new Campaign(UUID.randomUUID(), caller.id(), request.name(), request.startsAt(),
                request.endsAt(), CampaignStatus.SCHEDULED, null, null, null, courseIds, now);
        campaigns.insert(campaign);
        if (request.couponIds() != null) {
            coupons.attach(request.couponIds(), campaign.id(), caller);
        }
        if (request.saleIds() != null) {
            sales.attach(request.saleIds(), campaign.id(), caller);
        }
        if (!campaign.startsAt().isAfter(now)) {
            start(campaign, now);
        }
        return view(campaigns.find(campaign.id()).orElseThrow());
    }

    @Transactional(readOnly = true)
    public PageView<CampaignView> list(CurrentUser caller, int page, int size) {
        PageView.check(page, size);
        UUID owner = caller.isAdmin() ? null : caller.id();
        return PageView.of(campaigns.page(owner, page, size).stream().map(this::view).toList(), page, size,
                campaigns.count(owner));
    }

    @Transactional(readOnly = true)
    public CampaignView get(UUID id, CurrentUser caller) {
        return view(visible(id, caller));
    }

    /** Ends the campaign now: its coupons stop applying and its sales that are not over are withdrawn. */
    @Transactional
    public CampaignView stop(UUID id, CurrentUser caller) {
        visible(id, caller);
        Campaign campaign = campaigns.lock(id).orElseThrow();
        if (campaign.status() == CampaignStatus.ENDED) {
            throw ApiException.conflict("the campaign has ended");
        }
        Instant now = clock.instant();
        if (campaign.status() == CampaignStatus.SCHEDULED) {
            // it never opened; CampaignEnded needs a start, so it gets a zero-length window
            campaigns.markStarted(id, now);
            campaign = campaigns.find(id).orElseThrow();
        }
        end(campaign, now, caller.id());
        sales.cancelOpenOfCampaign(id, caller.id());
        return view(campaigns.find(id).orElseThrow());
    }

    /** Starts and ends what is due; safe with several instances (rows are locked, others skipped). */
    @Transactional
    public int runDue() {
        Instant now = clock.instant();
        List<Campaign> due = campaigns.lockDue(now, 100);
        for (Campaign campaign : due) {
            if (campaign.status() == CampaignStatus.SCHEDULED) {
                start(campaign, now);
                if (!campaign.endsAt().isAfter(now)) {
                    end(campaigns.find(campaign.id()).orElseThrow(), now, null);
                }
            } else {
                end(campaign, now, null);
            }
        }
        return due.size();
    }

    @Transactional(readOnly = true)
    public CampaignReport report(UUID id, CurrentUser caller) {
        Campaign campaign = visible(id, caller);
        Instant now = clock.instant();
        Instant from = campaign.startsAt();
        Instant to = campaign.reportEnd(now);
        Instant baselineFrom = campaign.baselineStart(now);
        Set<UUID> scope = courseScope(campaign);
        List<UUID> courseFilter = scope == null ? null : List.copyOf(scope);
        String currency = currencyOf(scope);

        List<DailyFigure> purchases = history.purchasesPerDay(courseFilter, from, to).stream()
                .filter(f -> currency.equals(f.currency())).toList();
        List<DailyFigure> enrollments = history.enrollmentsPerDay(courseFilter, from, to);
        List<DailyFigure> before = history.enrollmentsPerDay(courseFilter, baselineFrom, from);
        List<RedemptionFigure> redemptions = coupons.redemptions(
                coupons.ofCampaign(id).stream().map(Coupon::id).toList()).stream()
                .filter(r -> currency.equals(r.currency())).toList();

        Map<UUID, long[]> perCourse = new TreeMap<>(); // redemptions, discount, purchases, revenue, enrolled, before
        Map<LocalDate, long[]> perDay = new TreeMap<>(); // redemptions, purchases, revenue, enrolled
        if (scope != null) {
            scope.forEach(courseId -> perCourse.put(courseId, new long[6]));
        }
        long[] total = new long[6];
        for (RedemptionFigure r : redemptions) {
            total[0]++;
            total[1] += r.discount();
            for (UUID courseId : r.courseIds()) {
                perCourse.computeIfAbsent(courseId, c -> new long[6])[0]++;
            }
            perDay.computeIfAbsent(day(r.redeemedAt()), d -> new long[4])[0]++;
        }
        // a redemption's discount is told per order; it is shown on the courses in proportion to their count
        for (RedemptionFigure r : redemptions) {
            long share = r.courseIds().isEmpty() ? 0 : r.discount() / r.courseIds().size();
            for (UUID courseId : r.courseIds()) {
                perCourse.get(courseId)[1] += share;
            }
        }
        for (DailyFigure f : purchases) {
            long[] course = perCourse.computeIfAbsent(f.courseId(), c -> new long[6]);
            course[2] += f.count();
            course[3] += f.amount();
            total[2] += f.count();
            total[3] += f.amount();
            long[] day = perDay.computeIfAbsent(f.day(), d -> new long[4]);
            day[1] += f.count();
            day[2] += f.amount();
        }
        for (DailyFigure f : enrollments) {
            perCourse.computeIfAbsent(f.courseId(), c -> new long[6])[4] += f.count();
            total[4] += f.count();
            perDay.computeIfAbsent(f.day(), d -> new long[4])[3] += f.count();
        }
        for (DailyFigure f : before) {
            perCourse.computeIfAbsent(f.courseId(), c -> new long[6])[5] += f.count();
            total[5] += f.count();
        }
        List<CourseFigures> courseFigures = new ArrayList<>();
        perCourse.forEach((courseId, n) -> courseFigures.add(new CourseFigures(courseId, figures(n, currency))));
        List<DayFigures> days = new ArrayList<>();
        perDay.forEach((day, n) -> days.add(new DayFigures(day, n[0], n[1], Money.of(n[2], currency), n[3])));
        return new CampaignReport(campaign.id(), campaign.name(), campaign.status(), from, to, baselineFrom,
                figures(total, currency), courseFigures, days);
    }

    // --- lifecycle -----------------------------------------------------------------------------------------------

    private void start(Campaign campaign, Instant now) {
        campaigns.markStarted(campaign.id(), now);
        Set<UUID> scope = courseScope(campaign);
        events.publish(new CampaignStarted(campaign.id(), campaign.ownerId(), campaign.name(), campaign.startsAt(),
                campaign.endsAt(), scope == null ? List.of() : List.copyOf(scope),
                coupons.ofCampaign(campaign.id()).stream().map(Coupon::id).toList(), now));
    }

    private void end(Campaign campaign, Instant now, UUID actorId) {
        campaigns.markEnded(campaign.id(), now, actorId);
        Instant startedAt = campaign.startedAt() != null ? campaign.startedAt() : campaign.startsAt();
        events.publish(new CampaignEnded(campaign.id(), campaign.ownerId(), campaign.name(), startedAt, now, actorId,
                now));
    }

    // --- rules ---------------------------------------------------------------------------------------------------

    private Campaign visible(UUID id, CurrentUser caller) {
        Campaign campaign = campaigns.find(id).orElseThrow(() -> ApiException.notFound("campaign " + id));
        if (!Ownership.isOwnerOrAdmin(caller, campaign.ownerId())) {
            throw ApiException.notFound("campaign " + id);
        }
        return campaign;
    }

    /**
     * The courses a campaign promotes: named ones, its sales' and its coupons' courses. An instructor's campaign
     * with none of those covers all of the instructor's courses; a platform-wide coupon or an admin's campaign
     * without courses makes it platform-wide ({@code null}).
     */
    private Set<UUID> courseScope(Campaign campaign) {
        Set<UUID> scope = new LinkedHashSet<>(campaign.courseIds());
        for (Sale sale : sales.ofCampaign(campaign.id())) {
            scope.add(sale.courseId());
        }
        for (Coupon coupon : coupons.ofCampaign(campaign.id())) {
            switch (coupon.scope()) {
                case COURSES -> scope.addAll(coupon.courseIds());
                case INSTRUCTOR -> scope.addAll(courses.courseIdsOf(coupon.ownerId()));
                case PLATFORM -> {
                    return null;
                }
            }
        }
        if (scope.isEmpty()) {
            List<UUID> own = courses.courseIdsOf(campaign.ownerId());
            return own.isEmpty() ? null : new LinkedHashSet<>(own);
        }
        return scope;
    }

    private String currencyOf(Set<UUID> scope) {
        if (scope != null) {
            for (Course course : courses.findAll(scope).values()) {
                if (course.price() != null) {
                    return course.price().currency();
                }
            }
        }
        return "USD";
    }

    private CampaignView view(Campaign campaign) {
        Set<UUID> scope = courseScope(campaign);
        return new CampaignView(campaign.id(), campaign.ownerId(), campaign.name(), campaign.startsAt(),
                campaign.endsAt(), campaign.status(), campaign.startedAt(), campaign.endedAt(), campaign.stoppedBy(),
                scope == null ? List.of() : List.copyOf(scope),
                coupons.ofCampaign(campaign.id()).stream().map(Coupon::id).toList(),
                sales.ofCampaign(campaign.id()).stream().map(Sale::id).toList(), scope == null);
    }

    private static Figures figures(long[] n, String currency) {
        Double spike = n[5] == 0 ? null : (double) n[4] / n[5];
        return new Figures(n[0], Money.of(n[1], currency), n[2], Money.of(n[3], currency), n[4], n[5], spike);
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
