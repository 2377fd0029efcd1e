package io.skillwise.review.review;

/** Why a review was removed, and whether its author may write another one for the course. */
public enum RemovalReason {
    /** The author deleted it; they may write a new one. */
    DELETED_BY_AUTHOR(true),
    /** A moderator or admin took it down; the author may not post again for this course. */
    MODERATED(false),
    /** The author's account was deleted (ADR 0013). */
    AUTHOR_DEACTIVATED(true),
    /**
     * The author lost the course: refund, lost dispute, admin revocation (ADR 0013); they may review again if they
     * enrol again.
     */
    ENROLLMENT_REVOKED(true);

    private final boolean freesTheSlot;

    RemovalReason(boolean freesTheSlot) {
        this.freesTheSlot = freesTheSlot;
    }

    /** Whether the author's one review per course is used up by this removed review. */
    boolean freesTheSlot() {
        return freesTheSlot;
    }
}
