package io.skillwise.enrollment.enrollment;


import java.time.Instant;
import java.util.UUID;

/** An enrollment as its learner sees it (docs/enrollment.md). */
public record EnrollmentView(UUID id, UUID courseId, String status, String source, Instant startedAt,
                             Instant completedAt, ProgressSummary progress) {

    public static EnrollmentView of(Enrollment enrollment, ProgressSummary progress) {
        return new EnrollmentView(enrollment.id(), enrollment.courseId(), enrollment.status().name(),
                enrollment.source().name(), enrollment.startedAt(), enrollment.completedAt(), progress);
    }
}
