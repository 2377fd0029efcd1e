package io.skillwise.notification.replica;

import java.time.Instant;
import java.util.UUID;

/** A learner's enrollment in a course, as enrollment-service's events describe it. */
public record Enrollment(UUID id, UUID courseId, UUID studentId, Status status, Instant enrolledAt) {

    public enum Status {
        ACTIVE, COMPLETED, SUSPENDED, REVOKED
    }

    /** Active and completed learners may open the course; suspended and revoked ones may not. */
    public boolean hasAccess() {
        return status == Status.ACTIVE || status == Status.COMPLETED;
    }
}
