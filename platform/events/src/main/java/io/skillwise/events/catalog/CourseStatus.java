package io.skillwise.events.catalog;

/** Publication status of a course. */
public enum CourseStatus {
    /** Being built; visible to its owner and admins only. */
    DRAFT,
    /** Listed and for sale (or free to enrol). */
    PUBLISHED,
    /** Withdrawn from the listing and from sale; existing learners keep their access. */
    UNPUBLISHED,
    /** Retired instead of deleted because it has enrollments; existing learners keep their access. */
    ARCHIVED
}
