package io.skillwise.analytics.learning;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Enrollments and learning activity, for the other features' answers (inside their read of a projection version). */
@Service
public class LearningService {

    /**
     * @param enrollments enrollments that grant access or are paused by a dispute (revoked ones left out)
     * @param completed   of those, the completed ones
     * @param revoked     enrollments that lost access (refund, lost dispute, ended subscription, admin)
     */
    public record CourseLearning(UUID courseId, long enrollments, long completed, long revoked) {
    }

    /**
     * @param period          the day, or the Monday of the week
     * @param activeLearners  learners who completed a lesson or had a quiz graded
     */
    public record Activity(LocalDate period, @Schema(example = "37") long activeLearners,
                           @Schema(example = "112") long lessonsCompleted, @Schema(example = "45") long quizAttempts) {
    }

    public record CourseCount(UUID courseId, long count) {
    }

    public record LearnerActivity(UUID learnerId, long lessonsCompleted, long quizAttempts, long activeDays) {
    }

    private final LearningRepository learning;

    LearningService(LearningRepository learning) {
        this.learning = learning;
    }

    public List<CourseLearning> courseLearning(Collection<UUID> courseIds) {
        return learning.courseLearning(courseIds);
    }

    /** Distinct learners with an enrollment that is not revoked in any of the instructor's courses. */
    public long enrolledStudents(UUID instructorId) {
        return learning.students(instructorId);
    }

    /** Per day with activity in the instructor's courses, between two days (inclusive). */
    public List<Activity> activityByDay(UUID instructorId, LocalDate from, LocalDate to) {
        return learning.activityByDay(instructorId, from, to);
    }

    /** Per ISO week with activity in the instructor's courses, for the weeks starting between two days (inclusive). */
    public List<Activity> activityByWeek(UUID instructorId, LocalDate from, LocalDate to) {
        return learning.activityByWeek(instructorId, from, to);
    }

    public long enrollmentsBetween(Collection<UUID> courseIds, Instant from, Instant to) {
        return learning.enrollmentsBetween(courseIds, from, to);
    }

    public List<CourseCount> topCoursesByEnrollments(LocalDate from, LocalDate to, int limit) {
        return learning.topCoursesByEnrollments(from, to, limit);
    }

    public List<LearnerActivity> mostActiveLearners(LocalDate from, LocalDate to, int limit) {
        return learning.mostActiveLearners(from, to, limit);
    }
}
