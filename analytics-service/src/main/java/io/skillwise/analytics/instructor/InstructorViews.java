package io.skillwise.analytics.instructor;

import io.skillwise.analytics.campaign.CampaignService.CampaignEffect;
import io.skillwise.analytics.learning.LearningService.Activity;
import io.skillwise.analytics.sales.MoneyFigures;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the instructor endpoints answer. */
final class InstructorViews {

    private InstructorViews() {
    }

    /**
     * @param total      per currency, everything earned so far
     * @param last30Days per currency, the last 30 days (today included, UTC)
     */
    record Earnings(List<MoneyFigures> total, List<MoneyFigures> last30Days) {
    }

    /**
     * @param days  the last 30 days with activity: learners active in the instructor's courses, lessons completed,
     *              quiz attempts
     * @param weeks the last 12 ISO weeks (from Monday), each learner counted once per week
     */
    record Engagement(List<Activity> days, List<Activity> weeks) {
    }

    /**
     * @param enrolledStudents distinct learners enrolled in any of the courses (revoked enrollments left out)
     * @param activeCourses    courses on sale now (published)
     * @param courses          every course that was ever published and is not deleted
     * @param averageRating    mean stars over every visible review of the courses; absent without reviews
     * @param completionRate   completed enrollments among those not revoked; absent without enrollments
     * @param campaigns        the instructor's latest campaigns and what they did
     */
    record DashboardView(Instant asOf, UUID instructorId, Earnings earnings, long enrolledStudents, int activeCourses,
                         int courses, Double averageRating, long ratingCount, long enrollments,
                         long completedEnrollments, Double completionRate, Engagement engagement,
                         List<CampaignEffect> campaigns) {
    }

    /**
     * @param status         catalog's status: PUBLISHED, UNPUBLISHED or ARCHIVED
     * @param enrollments    enrollments not revoked
     * @param completed      of those, completed
     * @param completionRate {@code completed / enrollments}; absent without enrollments
     * @param revenue        per currency: orders, gross, refunds, fees, commissions and net of the course
     */
    record CourseView(UUID courseId, String title, String status, String category, Long priceAmount,
                      String priceCurrency, Instant firstPublishedAt, long enrollments, long completed,
                      Double completionRate, long revokedEnrollments, double ratingAverage, long ratingCount,
                      List<MoneyFigures> revenue) {
    }
}
