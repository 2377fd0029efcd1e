package io.skillwise.review.review;

/** Where a review stands; only VISIBLE reviews are public and count in ratings. */
public enum ReviewStatus {
    /** Held by screening (or edited after being hidden): waits for a moderator, seen only by its author. */
    PENDING,
    /** Public, counted. */
    VISIBLE,
    /** Hidden by a moderator with a reason its author sees; the author may edit it for another look. */
    HIDDEN,
    /** Gone: deleted by its author, taken down, withdrawn or erased ({@link RemovalReason} says which). */
    REMOVED
}
