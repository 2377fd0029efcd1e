package io.skillwise.enrollment.progress;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code GET /progress/{courseId}} and the answer to marking a lesson complete. */
public record ProgressView(UUID courseId, UUID enrollmentId, String status, int completedLessons, int totalLessons,
                           int percent, List<LessonView> lessons) {

    /** @param opensAt when a dripped lesson opens for this learner; absent for lessons open from the start */
    public record LessonView(UUID lessonId, String title, String type, boolean completed, Instant completedAt,
                             Instant opensAt) {
    }
}
