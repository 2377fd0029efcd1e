package io.skillwise.events.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a consumer keeps its copy of catalog's courses, and the one place that says how each event of
 * {@code catalog.course.v1} changes such a copy: a snapshot ({@link CoursePublished}, {@link CourseUpdated}) and an
 * unpublication carry the course's revision and apply only when it is newer than the one held, so a redelivered or
 * replayed event never takes a course back in time; a deletion removes the course. A consumer implements the store on
 * its own table, with only the columns it needs, and calls {@link #apply(CourseEvent, Instant)} from its listener
 * (inside the inbox's transaction).
 */
public interface CourseReplicaStore {

    /** Stores the course as this snapshot describes it, unless the store holds this revision or a later one. */
    boolean saveIfNewer(CourseState course, Instant now);

    /** Sets the course's status and revision, unless the store holds this revision or a later one. */
    boolean changeStatusIfNewer(UUID courseId, CourseStatus status, long revision, Instant now);

    /**
     * Forgets the course. A deletion is the last event of a course on the topic, so a store may simply delete the
     * row; one that must never show the course again, even if an older snapshot were replayed after it, keeps the
     * row marked deleted with a revision no snapshot reaches (payment-service's prices do).
     */
    void delete(UUID courseId, Instant now);

    /**
     * Applies one catalog event.
     *
     * @return whether the copy changed (false for a stale revision)
     */
    default boolean apply(CourseEvent event, Instant now) {
        return switch (event) {
            case CoursePublished published -> saveIfNewer(published, now);
            case CourseUpdated updated -> saveIfNewer(updated, now);
            case CourseUnpublished unpublished ->
                    changeStatusIfNewer(unpublished.courseId(), CourseStatus.UNPUBLISHED, unpublished.revision(), now);
            case CourseDeleted deleted -> {
                delete(deleted.courseId(), now);
                yield true;
            }
        };
    }
}
