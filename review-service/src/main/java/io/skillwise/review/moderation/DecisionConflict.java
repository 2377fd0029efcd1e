package io.skillwise.review.moderation;

/** A moderator's action that does not fit the content's state, e.g. restoring what is not hidden. */
public class DecisionConflict extends RuntimeException {

    public DecisionConflict(String message) {
        super(message);
    }
}
