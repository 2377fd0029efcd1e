package io.skillwise.events.enrollment;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A learner lost access to a course for good (status REVOKED).
 *
 * @param enrollmentId   the enrollment
 * @param courseId       the course
 * @param studentId      the learner
 * @param reason         why
 * @param orderId        the refunded or disputed order; present exactly for {@code REFUNDED} and {@code DISPUTE_LOST}
 * @param subscriptionId the ended subscription; present exactly for {@code SUBSCRIPTION_ENDED}
 * @param actorId        the admin who revoked it; present exactly for {@code ADMIN}
 * @param occurredAt     when access ended
 */
public record EnrollmentRevoked(
        UUID enrollmentId,
        UUID courseId,
        UUID studentId,
        RevocationReason reason,
        UUID orderId,
        UUID subscriptionId,
        UUID actorId,
        Instant occurredAt) implements EnrollmentEvent {

    public EnrollmentRevoked {
        requireNonNull(enrollmentId, "enrollmentId");
        requireNonNull(courseId, "courseId");
        requireNonNull(studentId, "studentId");
        requireNonNull(reason, "reason");
        requireNonNull(occurredAt, "occurredAt");
        boolean aboutAnOrder = reason == RevocationReason.REFUNDED || reason == RevocationReason.DISPUTE_LOST;
        if (aboutAnOrder != (orderId != null)
                || (reason == RevocationReason.SUBSCRIPTION_ENDED) != (subscriptionId != null)
                || (reason == RevocationReason.ADMIN) != (actorId != null)) {
            throw new IllegalArgumentException("revocation of " + enrollmentId + " for " + reason
                    + " must name exactly the order, subscription or admin behind it");
        }
    }
}
