package io.skillwise.enrollment.enrollment;

/** Where an enrollment stands. SUSPENDED is the pause while a payment is disputed. */
public enum EnrollmentStatus {
    ACTIVE,
    COMPLETED,
    SUSPENDED,
    REVOKED
}
