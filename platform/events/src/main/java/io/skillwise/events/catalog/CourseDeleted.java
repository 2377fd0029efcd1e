package io.skillwise.events.catalog;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A course that never had an enrollment was deleted; replicas drop it. (A course with enrollments is archived
 * instead, which arrives as a {@link CourseUpdated} with status {@code ARCHIVED}.)
 *
 * @param courseId     the deleted course
 * @param instructorId the instructor who owned it
 * @param actorId      who deleted it
 * @param occurredAt   when it was deleted
 */
public record CourseDeleted(UUID courseId, UUID instructorId, UUID actorId, Instant occurredAt)
        implements CourseEvent {

    public CourseDeleted {
        requireNonNull(courseId, "courseId");
        requireNonNull(instructorId, "instructorId");
        requireNonNull(actorId, "actorId");
        requireNonNull(occurredAt, "occurredAt");
    }
}
