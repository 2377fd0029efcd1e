package io.skillwise.analytics.instructor;

import io.skillwise.analytics.campaign.CampaignService.CampaignEffect;
import io.skillwise.analytics.learning.LearningService.Activity;
import io.skillwise.analytics.sales.MoneyFigures;
import io.swagger.v3.oas.annotations.media.Schema;
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
    record DashboardView(Instant asOf, UUID instructorId, Earnings earnings,
                         @Schema(example = "1240") long enrolledStudents, @Schema(example = "4") int activeCourses,
                         @Schema(example = "5") int courses, @Schema(example = "4.6") Double averageRating,
                         @Schema(example = "318") long ratingCount, @Schema(example = "1385") long enrollments,
                         @Schema(example = "512") long completedEnrollments,
                         @Schema(example = "0.37") Double completionRate, Engagement engagement,
                         List<CampaignEffect> campaigns) {
    }

    /**
     * @param status         catalog's status: PUBLISHED, UNPUBLISHED or ARCHIVED
     * @param enrollments    enrollments not revoked
     * @param completed      of those, completed
     * @param completionRate {@code completed / enrollments}; absent without enrollments
     * @param revenue        per currency: orders, gross, refunds, fees, commissions and net of the course
     */
    record CourseView(UUID courseId, @Schema(example = "Java for Beginners") String title,
                      @Schema(example = "PUBLISHED") String status, @Schema(example = "development") String category,
                      @Schema(example = "4999") Long priceAmount, @Schema(example = "USD") String priceCurrency,
                      Instant firstPublishedAt, @Schema(example = "842") long enrollments,
                      @Schema(example = "301") long completed, @Schema(example = "0.36") Double completionRate,
                      @Schema(example = "7") long revokedEnrollments, @Schema(example = "4.7") double ratingAverage,
                      @Schema(example = "196") long ratingCount, List<MoneyFigures> revenue) {
    }

    /**
     * The shape of a {@code FreshPage<CourseView>} in the API document only: a generic answer behind
     * {@code ResponseEntity<?>} (JSON or CSV) cannot tell the document what its items are.
     */
    record CoursePage(List<CourseView> items, @Schema(example = "0") int page, @Schema(example = "20") int size,
                      @Schema(example = "5") long totalItems, @Schema(example = "1") long totalPages, Instant asOf) {
    }
}
