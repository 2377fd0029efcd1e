package io.skillwise.review.replica;

/** The statuses of enrollment-service (ADR 0005), as far as reviewing goes. */
public enum EnrollmentState {
    ACTIVE,
    COMPLETED,
    SUSPENDED,
    REVOKED
}
