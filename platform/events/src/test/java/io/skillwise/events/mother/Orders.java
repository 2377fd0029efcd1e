package io.skillwise.events.mother;

import static io.skillwise.events.mother.Samples.ADMIN;
import static io.skillwise.events.mother.Samples.BUNDLE;
import static io.skillwise.events.mother.Samples.COUPON;
import static io.skillwise.events.mother.Samples.COURSE;
import static io.skillwise.events.mother.Samples.DISPUTE;
import static io.skillwise.events.mother.Samples.INSTRUCTOR;
import static io.skillwise.events.mother.Samples.INVOICE;
import static io.skillwise.events.mother.Samples.NOW;
import static io.skillwise.events.mother.Samples.ORDER;
import static io.skillwise.events.mother.Samples.REFUND;
import static io.skillwise.events.mother.Samples.SECOND_COURSE;
import static io.skillwise.events.mother.Samples.SHARE;
import static io.skillwise.events.mother.Samples.STUDENT;
import static io.skillwise.events.mother.Samples.SUBSCRIPTION;
import static io.skillwise.events.mother.Samples.daysLater;
import static io.skillwise.events.mother.Samples.usd;

import io.skillwise.events.payment.CheckoutStarted;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.DisputeClosed;
import io.skillwise.events.payment.DisputeOutcome;
import io.skillwise.events.payment.OrderLine;
import io.skillwise.events.payment.PaymentDisputed;
import io.skillwise.events.payment.PaymentFailed;
import io.skillwise.events.payment.PaymentRefunded;
import io.skillwise.events.payment.ReversedLine;
import io.skillwise.events.payment.RevenueShareLine;
import io.skillwise.events.payment.SubscriptionActivated;
import io.skillwise.events.payment.SubscriptionEndReason;
import io.skillwise.events.payment.SubscriptionEnded;
import io.skillwise.events.payment.SubscriptionRenewed;
import io.skillwise.events.payment.SubscriptionRevenueShared;
import java.time.Instant;
import java.util.List;

/** Payment events: a two-course bundle bought with a coupon and an affiliate link, and a monthly subscription. */
public final class Orders {

    public static final String PLAN = "all-access-monthly";

    private Orders() {
    }

    /** The two lines as priced at checkout, before payment knows the fee. */
    public static List<OrderLine> bundleLines() {
        return List.of(
                new OrderLine(COURSE, INSTRUCTOR, "Java from zero", usd(4999), usd(1000), usd(3999), null),
                new OrderLine(SECOND_COURSE, INSTRUCTOR, null, usd(2999), usd(500), usd(2499), null));
    }

    /** The same lines once paid, with the platform's 30 % share. */
    public static List<OrderLine> paidBundleLines() {
        return List.of(
                new OrderLine(COURSE, INSTRUCTOR, "Java from zero", usd(4999), usd(1000), usd(3999), usd(1200)),
                new OrderLine(SECOND_COURSE, INSTRUCTOR, null, usd(2999), usd(500), usd(2499), usd(750)));
    }

    public static CheckoutStarted checkoutStarted() {
        return new CheckoutStarted(ORDER, STUDENT, bundleLines(), BUNDLE, usd(6498), usd(1500),
                "SPRING25", "FRIEND-ADA", "AFF-GRACE", NOW);
    }

    public static CoursePurchased bundlePurchased() {
        return new CoursePurchased(ORDER, STUDENT, paidBundleLines(), BUNDLE, usd(6498), usd(1500),
                COUPON, "SPRING25", "FRIEND-ADA", "AFF-GRACE", INVOICE, NOW, NOW);
    }

    public static CoursePurchased singleCoursePurchased() {
        return new CoursePurchased(ORDER, STUDENT,
                List.of(new OrderLine(COURSE, INSTRUCTOR, "Java from zero", usd(4999), usd(0), usd(4999), usd(1500))),
                null, usd(4999), usd(0), null, null, null, null, null, NOW, NOW);
    }

    public static PaymentFailed cardDeclined() {
        return new PaymentFailed(ORDER, STUDENT, List.of(COURSE), usd(4999), "card_declined",
                "Your card was declined.", NOW);
    }

    /** 2499 of the bundle's 6498 back, spread over both lines in proportion to what each holds. */
    public static PaymentRefunded partlyRefunded() {
        return new PaymentRefunded(ORDER, STUDENT, REFUND, usd(2499), List.of(), false,
                "Not what I expected", STUDENT, List.of(
                        new ReversedLine(COURSE, INSTRUCTOR, usd(1538), usd(462)),
                        new ReversedLine(SECOND_COURSE, INSTRUCTOR, usd(961), usd(288))), NOW);
    }

    public static PaymentRefunded fullyRefundedByAdmin() {
        return new PaymentRefunded(ORDER, STUDENT, REFUND, usd(6498), List.of(COURSE, SECOND_COURSE), true,
                null, ADMIN, everyLineBack(), NOW);
    }

    private static List<ReversedLine> everyLineBack() {
        return List.of(new ReversedLine(COURSE, INSTRUCTOR, usd(3999), usd(1200)),
                new ReversedLine(SECOND_COURSE, INSTRUCTOR, usd(2499), usd(750)));
    }

    public static PaymentDisputed disputed() {
        return new PaymentDisputed(ORDER, STUDENT, DISPUTE, usd(6498), List.of(COURSE, SECOND_COURSE),
                "fraudulent", NOW);
    }

    public static DisputeClosed disputeLost() {
        return new DisputeClosed(ORDER, STUDENT, DISPUTE, DisputeOutcome.LOST, usd(6498),
                List.of(COURSE, SECOND_COURSE), everyLineBack(), NOW);
    }

    public static SubscriptionActivated subscriptionActivated() {
        return new SubscriptionActivated(SUBSCRIPTION, STUDENT, PLAN, usd(1999), NOW, daysLater(31), NOW);
    }

    public static SubscriptionRenewed subscriptionRenewed() {
        return new SubscriptionRenewed(SUBSCRIPTION, STUDENT, PLAN, usd(1999), daysLater(31), daysLater(59),
                daysLater(31));
    }

    public static SubscriptionEnded subscriptionCancelled() {
        return new SubscriptionEnded(SUBSCRIPTION, STUDENT, PLAN, SubscriptionEndReason.CANCELLED, daysLater(59));
    }

    /** February 2025: two subscriptions paid 3998; 9000 s consumed, 7200 s of them in the instructor's courses. */
    public static SubscriptionRevenueShared revenueShared() {
        return new SubscriptionRevenueShared(SHARE, INSTRUCTOR, Instant.parse("2025-02-01T00:00:00Z"),
                Instant.parse("2025-03-01T00:00:00Z"), List.of(
                        new RevenueShareLine(COURSE, 5400, usd(2399), usd(720)),
                        new RevenueShareLine(SECOND_COURSE, 1800, usd(800), usd(240))),
                usd(3199), usd(960), usd(3998), 9000, NOW);
    }
}
