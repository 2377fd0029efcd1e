package io.skillwise.enrollment.enrollment;


import java.time.Instant;
import java.util.UUID;

/** An enrollment as support sees it: whose, from which order or subscription, and how far the learner got. */
public record AdminEnrollmentView(UUID id, UUID studentId, UUID courseId, UUID instructorId, String status,
                                  String source, UUID orderId, UUID subscriptionId, Instant startedAt,
                                  Instant completedAt, ProgressSummary progress) {

    public static AdminEnrollmentView of(Enrollment enrollment, ProgressSummary progress) {
        return new AdminEnrollmentView(enrollment.id(), enrollment.studentId(), enrollment.courseId(),
                enrollment.instructorId(), enrollment.status().name(), enrollment.source().name(),
                enrollment.orderId(), enrollment.subscriptionId(), enrollment.startedAt(), enrollment.completedAt(),
                progress);
    }
}
