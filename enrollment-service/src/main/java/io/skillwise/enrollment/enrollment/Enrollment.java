package io.skillwise.enrollment.enrollment;

import io.skillwise.events.enrollment.EnrollmentSource;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A learner's access to one course, and the rules for how payment facts change it. Every transition answers the
 * changed enrollment, or empty when the fact changes nothing (so the caller publishes no event for it).
 *
 * @param disputeId the dispute that suspended the enrollment, while it is SUSPENDED
 */
public record Enrollment(UUID id, UUID studentId, UUID courseId, UUID instructorId, EnrollmentSource source,
                         UUID orderId, UUID subscriptionId, EnrollmentStatus status, Instant startedAt,
                         Instant completedAt, UUID disputeId) {

    public Enrollment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(instructorId, "instructorId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public static Enrollment purchased(UUID studentId, UUID courseId, UUID instructorId, UUID orderId, Instant at) {
        return new Enrollment(UUID.randomUUID(), studentId, courseId, instructorId, EnrollmentSource.PURCHASE, orderId,
                null, EnrollmentStatus.ACTIVE, at, null, null);
    }

    public static Enrollment free(UUID studentId, UUID courseId, UUID instructorId, Instant at) {
        return new Enrollment(UUID.randomUUID(), studentId, courseId, instructorId, EnrollmentSource.FREE, null, null,
                EnrollmentStatus.ACTIVE, at, null, null);
    }

    /** The learner may open lessons, mark progress and take quizzes. */
    public boolean grantsAccess() {
        return status == EnrollmentStatus.ACTIVE || status == EnrollmentStatus.COMPLETED;
    }

    /**
     * A new purchase of a course the learner lost (refund, lost dispute): access comes back under the new order, with
     * the progress made before. Any other state already grants access (or is paused by a dispute): nothing changes.
     */
    public Optional<Enrollment> repurchased(UUID newOrderId) {
        if (status != EnrollmentStatus.REVOKED || Objects.equals(orderId, newOrderId)) {
            return Optional.empty();
        }
        return Optional.of(new Enrollment(id, studentId, courseId, instructorId, EnrollmentSource.PURCHASE, newOrderId,
                null, afterAccess(), startedAt, completedAt, null));
    }

    public static Enrollment subscribed(UUID studentId, UUID courseId, UUID instructorId, UUID subscriptionId,
                                        Instant at) {
        return new Enrollment(UUID.randomUUID(), studentId, courseId, instructorId, EnrollmentSource.SUBSCRIPTION, null,
                subscriptionId, EnrollmentStatus.ACTIVE, at, null, null);
    }

    /** Enrolled again (free course, or by a subscriber) after access was revoked, with the progress made before. */
    public Optional<Enrollment> reenrolled(EnrollmentSource newSource, UUID newSubscriptionId) {
        if (status != EnrollmentStatus.REVOKED) {
            return Optional.empty();
        }
        return Optional.of(new Enrollment(id, studentId, courseId, instructorId, newSource, null, newSubscriptionId,
                afterAccess(), startedAt, completedAt, null));
    }

    /**
     * The course was bought while the subscription granted it: from now on access rests on the purchase, so it
     * survives the end of the subscription. Access itself does not change.
     */
    public Optional<Enrollment> boughtWhileSubscribed(UUID newOrderId) {
        if (source != EnrollmentSource.SUBSCRIPTION || status == EnrollmentStatus.REVOKED) {
            return Optional.empty();
        }
        return Optional.of(new Enrollment(id, studentId, courseId, instructorId, EnrollmentSource.PURCHASE, newOrderId,
                null, status, startedAt, completedAt, disputeId));
    }

    /** Refund or lost dispute: access ends for good. */
    public Optional<Enrollment> revoked() {
        if (status == EnrollmentStatus.REVOKED) {
            return Optional.empty();
        }
        return Optional.of(with(EnrollmentStatus.REVOKED, completedAt, null));
    }

    /** A dispute opened: access pauses. A revoked enrollment stays revoked. */
    public Optional<Enrollment> suspended(UUID dispute) {
        if (!grantsAccess()) {
            return Optional.empty();
        }
        return Optional.of(with(EnrollmentStatus.SUSPENDED, completedAt, dispute));
    }

    /** The dispute was won: access comes back as it was (completed courses stay completed). */
    public Optional<Enrollment> restored() {
        if (status != EnrollmentStatus.SUSPENDED) {
            return Optional.empty();
        }
        return Optional.of(with(afterAccess(), completedAt, null));
    }

    /** Every current lesson is done. */
    public Optional<Enrollment> completed(Instant at) {
        if (status != EnrollmentStatus.ACTIVE) {
            return Optional.empty();
        }
        return Optional.of(with(EnrollmentStatus.COMPLETED, at, null));
    }

    private EnrollmentStatus afterAccess() {
        return completedAt == null ? EnrollmentStatus.ACTIVE : EnrollmentStatus.COMPLETED;
    }

    private Enrollment with(EnrollmentStatus newStatus, Instant newCompletedAt, UUID newDisputeId) {
        return new Enrollment(id, studentId, courseId, instructorId, source, orderId, subscriptionId, newStatus,
                startedAt, newCompletedAt, newDisputeId);
    }
}
