package io.skillwise.analytics.admin;

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
    record PlatformMoney(String currency, long courseSales, long discount, long refunded, long subscriptionRevenue,
                         long subscriptionShares, long platformRevenue, long instructorEarnings,
                         long affiliateCommission) {
    }

    /** @param revenue what buyers paid for it less refunds, in the period */
    record TopCourseByRevenue(UUID courseId, String title, UUID instructorId, String instructorName, String currency,
                              long revenue, long orders) {
    }

    record TopCourseByEnrollments(UUID courseId, String title, UUID instructorId, String instructorName,
                                  long enrollments) {
    }

    record ActiveLearner(UUID userId, String displayName, long lessonsCompleted, long quizAttempts, long activeDays) {
    }

    record ActiveInstructor(UUID userId, String displayName, long courseChanges, long reviewReplies) {
    }

    /** @param periodStart first day of the period (day, ISO week or month, cut to the range) */
    record SignUpPeriod(LocalDate periodStart, long total, long learners, long instructors) {
    }

    /** @param instructors those who signed up to teach; {@code learners} the rest */
    record NewUsers(long total, long learners, long instructors, List<SignUpPeriod> byPeriod) {
    }

    /**
     * @param count refunds of sold courses confirmed in the period
     * @param rate  {@code count / ordersPaid}; absent without paid orders
     */
    record Refunds(long count, Double rate, List<MoneyAmount> amount) {
    }

    record MoneyAmount(String currency, long amount) {
    }

    /** @param rate disputes opened per order paid in the period; absent without paid orders */
    record Disputes(long opened, long won, long lost, Double rate) {
    }

    /**
     * Checkouts started in the period and what became of them.
     *
     * @param open           neither paid nor failed yet (or abandoned)
     * @param conversionRate {@code purchased / started}; absent without checkouts
     */
    record Checkout(long started, long purchased, long failed, long open, Double conversionRate) {
    }

    record AdminAnalyticsView(Instant asOf, LocalDate from, LocalDate to, String granularity, long ordersPaid,
                              List<PlatformMoney> revenue, List<TopCourseByRevenue> topCoursesByRevenue,
                              List<TopCourseByEnrollments> topCoursesByEnrollments,
                              List<ActiveLearner> mostActiveLearners, List<ActiveInstructor> mostActiveInstructors,
                              NewUsers newUsers, Refunds refunds, Disputes disputes, Checkout checkout) {
    }
}
