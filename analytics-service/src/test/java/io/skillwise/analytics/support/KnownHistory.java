package io.skillwise.analytics.support;

import static io.skillwise.analytics.support.Events.checkout;
import static io.skillwise.analytics.support.Events.enrolled;
import static io.skillwise.analytics.support.Events.lessonCompleted;
import static io.skillwise.analytics.support.Events.line;
import static io.skillwise.analytics.support.Events.published;
import static io.skillwise.analytics.support.Events.purchased;
import static io.skillwise.analytics.support.Events.registered;
import static io.skillwise.analytics.support.Events.usd;

import io.skillwise.events.DomainEvent;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.enrollment.EnrollmentRevoked;
import io.skillwise.events.enrollment.EnrollmentSuspended;
import io.skillwise.events.enrollment.QuizGraded;
import io.skillwise.events.enrollment.RevocationReason;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.events.payment.CheckoutStarted;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.DisputeClosed;
import io.skillwise.events.payment.DisputeOutcome;
import io.skillwise.events.payment.OrderLine;
import io.skillwise.events.payment.PaymentDisputed;
import io.skillwise.events.payment.PaymentFailed;
import io.skillwise.events.payment.PaymentRefunded;
import io.skillwise.events.payment.RevenueShareLine;
import io.skillwise.events.payment.ReversedLine;
import io.skillwise.events.payment.SubscriptionActivated;
import io.skillwise.events.payment.SubscriptionRevenueShared;
import io.skillwise.events.promotion.AffiliateCommissionEarned;
import io.skillwise.events.promotion.AffiliateCommissionReversed;
import io.skillwise.events.promotion.CampaignStarted;
import io.skillwise.events.promotion.CommissionReversalReason;
import io.skillwise.events.promotion.CouponRedeemed;
import io.skillwise.events.review.CourseRatingChanged;
import io.skillwise.events.review.RatingDistribution;
import io.skillwise.events.review.ReviewReplied;
import io.skillwise.testsupport.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A small marketplace's history whose figures are worked out by hand in the tests (docs/analytics.md defines them).
 * Instructor A sells "Java" (C1, 49.99) and "SQL" (C2, 29.99), alone and as a bundle for 60.00; instructor B sells
 * "Go" (C3, 19.99). Times are days before {@code now}:
 * <ul>
 *     <li>-55: S1 buys C1 (O1, fee 15.00); -50: O1 refunded in full by an event from before refunds carried lines;</li>
 *     <li>-15: S2 buys the bundle C1+C2 (O2: 37.50 + 22.50, fees 11.25 + 6.75) with a coupon of A's campaign;
 *     -13: 10.00 of O2 refunded (6.25 + 3.75, fees back 1.88 + 1.13);</li>
 *     <li>-14: S3 buys C3 (O3, fee 6.00) through an affiliate (commission 1.99); -11: disputed; -10: lost, the
 *     commission reversed;</li>
 *     <li>-9: S1's card is declined for C2 (O4); -8: S3 starts a checkout for C1 and never pays (O5);</li>
 *     <li>-12: S1 subscribes (19.99) and enrols in C2 through it; about 4 months ago A earned a subscription share
 *     on C2 (8.00, fee 2.40);</li>
 *     <li>learning: S2 completes both lessons of C1 (-14) and the lesson of C2 with a quiz (-13), S1 a lesson of
 *     C2 (-12); ratings C1 4.5 (2 reviews), C2 4.0 (1 review); A replies to a review.</li>
 * </ul>
 */
public final class KnownHistory {

    public final Instant now;
    public final TestUser instructorA = TestUser.instructor();
    public final TestUser instructorB = TestUser.instructor();
    public final UUID s1 = UUID.randomUUID();
    public final UUID s2 = UUID.randomUUID();
    public final UUID s3 = UUID.randomUUID();
    public final UUID c1 = UUID.randomUUID();
    public final UUID c2 = UUID.randomUUID();
    public final UUID c3 = UUID.randomUUID();
    public final UUID o1 = UUID.randomUUID();
    public final UUID o2 = UUID.randomUUID();
    public final UUID o3 = UUID.randomUUID();
    public final UUID o4 = UUID.randomUUID();
    public final UUID o5 = UUID.randomUUID();
    public final UUID bundle = UUID.randomUUID();
    public final UUID r1 = UUID.randomUUID();
    public final UUID r2 = UUID.randomUUID();
    public final UUID dispute = UUID.randomUUID();
    public final UUID commission = UUID.randomUUID();
    public final UUID campaign = UUID.randomUUID();
    public final UUID subscription = UUID.randomUUID();
    public final UUID share = UUID.randomUUID();
    /** The first day of the month about four months ago: the month A's subscription share is for. */
    public final LocalDate shareMonth;

    public KnownHistory(Instant now) {
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.shareMonth = LocalDate.ofInstant(this.now, ZoneOffset.UTC).minusMonths(4).withDayOfMonth(1);
    }

    public Instant daysAgo(int days) {
        return now.minus(Duration.ofDays(days));
    }

    public LocalDate day(int daysAgo) {
        return LocalDate.ofInstant(daysAgo(daysAgo), ZoneOffset.UTC);
    }

    public LocalDate today() {
        return day(0);
    }

    /** Every event, in an order the producers could have published them. */
    public List<DomainEvent> events() {
        UUID a = instructorA.id();
        UUID b = instructorB.id();
        List<DomainEvent> events = new ArrayList<>();
        events.add(registered(a, "Ada Teacher", true, daysAgo(70)));
        events.add(registered(b, "Bob Teacher", true, daysAgo(69)));
        events.add(registered(s1, "Sam One", false, daysAgo(58)));
        events.add(registered(s2, "Sue Two", false, daysAgo(20)));
        events.add(registered(s3, "Sid Three", false, daysAgo(16)));
        CoursePublished java = published(c1, a, "Java", 4999, 2, daysAgo(60));
        events.add(java);
        events.add(Events.updated(java, 2, 4999, daysAgo(59)));
        events.add(published(c2, a, "SQL", 2999, 1, daysAgo(60)));
        events.add(published(c3, b, "Go", 1999, 1, daysAgo(60)));

        // O1: S1 buys Java, refunded in full later by an event without lines
        List<OrderLine> o1Lines = List.of(line(c1, a, "Java", 4999, 0, 1500));
        events.add(checkout(o1, s1, o1Lines, null, daysAgo(55)));
        events.add(purchased(o1, s1, o1Lines, null, daysAgo(55)));
        StudentEnrolled e1 = enrolled(UUID.randomUUID(), c1, s1, a, o1, null, daysAgo(55));
        events.add(e1);
        events.add(new PaymentRefunded(o1, s1, r2, usd(4999), List.of(c1), true, "changed my mind", s1, daysAgo(50)));
        events.add(new EnrollmentRevoked(e1.enrollmentId(), c1, s1, RevocationReason.REFUNDED, o1, null, null,
                daysAgo(50)));

        // O2: S2 buys the bundle with a coupon of A's campaign; 10.00 refunded two days later
        events.add(new CampaignStarted(campaign, a, "Spring sale", daysAgo(16), daysAgo(-5), List.of(c1, c2),
                List.of(), daysAgo(16)));
        List<OrderLine> o2Lines = List.of(line(c1, a, "Java", 4999, 1249, 1125), line(c2, a, "SQL", 2999, 749, 675));
        events.add(checkout(o2, s2, o2Lines, bundle, daysAgo(15)));
        events.add(purchased(o2, s2, o2Lines, bundle, daysAgo(15)));
        events.add(new CouponRedeemed(UUID.randomUUID(), UUID.randomUUID(), "SPRING", a, campaign, o2, s2,
                List.of(c1, c2), usd(500), daysAgo(15)));
        StudentEnrolled e2 = enrolled(UUID.randomUUID(), c1, s2, a, o2, null, daysAgo(15));
        StudentEnrolled e3 = enrolled(UUID.randomUUID(), c2, s2, a, o2, null, daysAgo(15));
        events.add(e2);
        events.add(e3);
        events.add(lessonCompleted(e2, 0, 1, 2, daysAgo(14)));
        events.add(lessonCompleted(e2, 1, 2, 2, daysAgo(14)));
        events.add(new CourseCompleted(e2.enrollmentId(), c1, s2, a, "CERT-1", daysAgo(14), daysAgo(14)));
        events.add(lessonCompleted(e3, 0, 1, 1, daysAgo(13)));
        events.add(new QuizGraded(e3.enrollmentId(), c2, s2, Events.lesson(c2, 0), UUID.randomUUID(), 1, 80, 60, true,
                80, daysAgo(13)));
        events.add(new PaymentRefunded(o2, s2, r1, usd(1000), List.of(), false, null, null, List.of(
                new ReversedLine(c1, a, usd(625), usd(188)), new ReversedLine(c2, a, usd(375), usd(113))),
                daysAgo(13)));

        // O3: S3 buys Go through an affiliate, disputes it and wins the dispute for themselves
        List<OrderLine> o3Lines = List.of(line(c3, b, "Go", 1999, 0, 600));
        events.add(checkout(o3, s3, o3Lines, null, daysAgo(14)));
        events.add(purchased(o3, s3, o3Lines, null, daysAgo(14)));
        StudentEnrolled e4 = enrolled(UUID.randomUUID(), c3, s3, b, o3, null, daysAgo(14));
        events.add(e4);
        UUID program = UUID.randomUUID();
        UUID affiliate = UUID.randomUUID();
        events.add(new AffiliateCommissionEarned(commission, program, affiliate, b, o3, c3, "AFF1", usd(1999), 1000,
                usd(199), daysAgo(14)));
        events.add(new PaymentDisputed(o3, s3, dispute, usd(1999), List.of(c3), "fraudulent", daysAgo(11)));
        events.add(new EnrollmentSuspended(e4.enrollmentId(), c3, s3, o3, dispute, daysAgo(11)));
        events.add(new DisputeClosed(o3, s3, dispute, DisputeOutcome.LOST, usd(1999), List.of(c3),
                List.of(new ReversedLine(c3, b, usd(1999), usd(600))), daysAgo(10)));
        events.add(new EnrollmentRevoked(e4.enrollmentId(), c3, s3, RevocationReason.DISPUTE_LOST, o3, null, null,
                daysAgo(10)));
        events.add(new AffiliateCommissionReversed(commission, program, affiliate, b, o3, c3, usd(199),
                CommissionReversalReason.DISPUTE_LOST, daysAgo(10)));

        // O4 declined, O5 never paid
        List<CheckoutStarted> unpaid = List.of(
                checkout(o4, s1, List.of(line(c2, a, "SQL", 2999, 0, 0)), null, daysAgo(9)),
                checkout(o5, s3, List.of(line(c1, a, "Java", 4999, 0, 0)), null, daysAgo(8)));
        events.addAll(unpaid);
        events.add(new PaymentFailed(o4, s1, List.of(c2), usd(2999), "card_declined", "Declined", daysAgo(9)));

        // the subscription: S1 takes SQL through it; A's share of a month long ago
        events.add(new SubscriptionActivated(subscription, s1, "all-access-monthly", usd(1999), daysAgo(12),
                daysAgo(-18), daysAgo(12)));
        StudentEnrolled e5 = enrolled(UUID.randomUUID(), c2, s1, a, null, subscription, daysAgo(12));
        events.add(e5);
        events.add(lessonCompleted(e5, 0, 1, 1, daysAgo(12)));
        Instant monthStart = shareMonth.atStartOfDay(ZoneOffset.UTC).toInstant();
        events.add(new SubscriptionRevenueShared(share, a, monthStart,
                shareMonth.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                List.of(new RevenueShareLine(c2, 1800, usd(800), usd(240))), usd(800), usd(240), usd(1999), 2400,
                shareMonth.plusMonths(1).atStartOfDay(ZoneOffset.UTC).plusHours(2).toInstant()));

        // reviews
        events.add(new CourseRatingChanged(c1, a, 4.5, 2, new RatingDistribution(0, 0, 0, 1, 1), null, null,
                daysAgo(7)));
        events.add(new CourseRatingChanged(c2, a, 4.0, 1, new RatingDistribution(0, 0, 0, 1, 0), null, null,
                daysAgo(7)));
        events.add(new ReviewReplied(UUID.randomUUID(), c1, a, s2, "Thank you!", false, daysAgo(6)));
        return events;
    }
}
