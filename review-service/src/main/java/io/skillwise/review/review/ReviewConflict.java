package io.skillwise.review.review;

/** A change that does not fit the review's current state, e.g. restoring a review that is not hidden. */
class ReviewConflict extends RuntimeException {

    ReviewConflict(String message) {
        super(message);
    }
}
