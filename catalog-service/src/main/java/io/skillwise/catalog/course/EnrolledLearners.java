package io.skillwise.catalog.course;

import java.util.UUID;

/**
 * Who may open the non-preview lessons of a course besides its owner and admins: its enrolled learners. The catalog
 * learns enrollments from enrollment-service's events ({@code StudentEnrolled}, {@code EnrollmentRevoked}); the
 * replica that keeps them implements this interface and replaces {@link NoEnrollmentReplica}.
 */
public interface EnrolledLearners {

    boolean isEnrolled(UUID courseId, UUID learnerId);
}
