package io.skillwise.enrollment.enrollment;

import java.util.UUID;

/** Support's filters over every enrollment; a null field does not filter. */
public record EnrollmentFilter(UUID studentId, UUID courseId, EnrollmentStatus status) {
}
