package io.skillwise.events.catalog;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A course was withdrawn from the listing and from sale, by its owner or by an admin. Learners already enrolled keep
 * their access; the instructor is told when an admin did it.
 *
 * @param courseId     the course
 * @param instructorId the instructor who owns it
 * @param title        the title, for the message to the instructor
 * @param reason       why an admin unpublished it; absent when the owner did
 * @param revision     the course revision after this change
 * @param actorId      who unpublished it
 * @param occurredAt   when it was unpublished
 */
public record CourseUnpublished(
        UUID courseId,
        UUID instructorId,
        String title,
        String reason,
        long revision,
        UUID actorId,
        Instant occurredAt) implements CourseEvent {

    public CourseUnpublished {
        requireNonNull(courseId, "courseId");
        requireNonNull(instructorId, "instructorId");
        requireNonNull(title, "title");
        requireNonNull(actorId, "actorId");
        requireNonNull(occurredAt, "occurredAt");
    }
}
