package io.skillwise.review.rating;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Where aggregates come from: the reviews, which the review feature owns. Aggregates are always recomputed from
 * them (ADR 0012), never adjusted by increments.
 */
public interface RatingInputs {

    /** The course's visible reviews now, and the changes not yet known to be counted. */
    CourseInputs of(UUID courseId);

    /** Marks changes as counted, each only if the review has not changed again since it was read. */
    void counted(List<PendingChange> changes);

    /** Courses with changes that are still uncounted after {@code changedBefore}: left behind by a crash. */
    Set<UUID> coursesWithUncountedChanges(Instant changedBefore);

    /** Every course that has or had a review. */
    Set<UUID> reviewedCourses();

    /**
     * @param instructorId the course's instructor as the reviews name it; absent when there are no reviews
     */
    record CourseInputs(UUID instructorId, List<RatingContribution> visible, List<PendingChange> pending) {
    }

    /** A review change that may move the aggregate, identified by the review's version after it. */
    record PendingChange(UUID reviewId, long version) {
    }
}
