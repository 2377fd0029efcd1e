package io.skillwise.analytics.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What {@code GET /admin/analytics} answers. */
final class AdminAnalyticsViews {

    private AdminAnalyticsViews() {
    }

    /**
     * The platform's money in one currency over the period. They add up:
     * {@code courseSales - refunded + subscriptionRevenue = platformRevenue + instructorEarnings + affiliateCommission}.
     *
     * @param courseSales         what buyers paid for courses (single sales and bundles)
     * @param discount            what coupons, sales, bundles and referrals took off list prices
     * @param refunded            what refunds and lost disputes took back
     * @param subscriptionRevenue subscription payments confirmed in the period
     * @param subscriptionShares  what instructors earned from subscriptions (months dated at their first day)
     * @param platformRevenue     platform fees kept on course sales, plus subscription revenue less the shares
     * @param instructorEarnings  what instructors earned, net of fees, refunds and commissions
     * @param affiliateCommission what affiliates earned, net of reversals
     */
    record PlatformMoney(@Schema(example = "USD") String currency, @Schema(example = "1249750") long courseSales,
                         @Schema(example = "187500") long discount, @Schema(example = "49990") long refunded,
                         @Schema(example = "299000") long subscriptionRevenue,
                         @Schema(example = "209300") long subscriptionShares,
                         @Schema(example = "449627") long platformRevenue,
                         @Schema(example = "1010133") long instructorEarnings,
                         @Schema(example = "39000") long affiliateCommission) {
    }

    /** @param revenue what buyers paid for it less refunds, in the period */
    record TopCourseByRevenue(UUID courseId, @Schema(example = "Java for Beginners") String title, UUID instructorId,
                              @Schema(example = "Grace Hopper") String instructorName,
                              @Schema(example = "USD") String currency, @Schema(example = "209958") long revenue,
                              @Schema(example = "42") long orders) {
    }

    record TopCourseByEnrollments(UUID courseId, @Schema(example = "Java for Beginners") String title,
                                  UUID instructorId, @Schema(example = "Grace Hopper") String instructorName,
                                  @Schema(example = "842") long enrollments) {
    }

    record ActiveLearner(UUID userId, @Schema(example = "Ada Lovelace") String displayName,
                         @Schema(example = "58") long lessonsCompleted, @Schema(example = "21") long quizAttempts,
                         @Schema(example = "19") long activeDays) {
    }

    record ActiveInstructor(UUID userId, @Schema(example = "Grace Hopper") String displayName,
                            @Schema(example = "14") long courseChanges, @Schema(example = "9") long reviewReplies) {
    }

    /** @param periodStart first day of the period (day, ISO week or month, cut to the range) */
    record SignUpPeriod(LocalDate periodStart, @Schema(example = "31") long total,
                        @Schema(example = "28") long learners, @Schema(example = "3") long instructors) {
    }

    /** @param instructors those who signed up to teach; {@code learners} the rest */
    record NewUsers(@Schema(example = "412") long total, @Schema(example = "377") long learners,
                    @Schema(example = "35") long instructors, List<SignUpPeriod> byPeriod) {
    }

    /**
     * @param count refunds of sold courses confirmed in the period
     * @param rate  {@code count / ordersPaid}; absent without paid orders
     */
    record Refunds(@Schema(example = "10") long count, @Schema(example = "0.04") Double rate,
                   List<MoneyAmount> amount) {
    }

    record MoneyAmount(@Schema(example = "USD") String currency, @Schema(example = "49990") long amount) {
    }

    /** @param rate disputes opened per order paid in the period; absent without paid orders */
    record Disputes(@Schema(example = "3") long opened, @Schema(example = "2") long won,
                    @Schema(example = "1") long lost, @Schema(example = "0.012") Double rate) {
    }

    /**
     * Checkouts started in the period and what became of them.
     *
     * @param open           neither paid nor failed yet (or abandoned)
     * @param conversionRate {@code purchased / started}; absent without checkouts
     */
    record Checkout(@Schema(example = "310") long started, @Schema(example = "250") long purchased,
                    @Schema(example = "22") long failed, @Schema(example = "38") long open,
                    @Schema(example = "0.81") Double conversionRate) {
    }

    record AdminAnalyticsView(Instant asOf, LocalDate from, LocalDate to, @Schema(example = "week") String granularity,
                              @Schema(example = "250") long ordersPaid,
                              List<PlatformMoney> revenue, List<TopCourseByRevenue> topCoursesByRevenue,
                              List<TopCourseByEnrollments> topCoursesByEnrollments,
                              List<ActiveLearner> mostActiveLearners, List<ActiveInstructor> mostActiveInstructors,
                              NewUsers newUsers, Refunds refunds, Disputes disputes, Checkout checkout) {
    }
}
