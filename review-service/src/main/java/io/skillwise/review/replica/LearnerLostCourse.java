package io.skillwise.review.replica;

import java.util.UUID;

/**
 * Published inside the service when a learner's enrollment is revoked in a way that withdraws their review of the
 * course (ADR 0013); the review feature acts on it in the same thread, so a failure is retried with the Kafka record.
 */
public record LearnerLostCourse(UUID studentId, UUID courseId, UUID enrollmentId) {
}
