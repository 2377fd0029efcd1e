package io.skillwise.events.review;

/** Why a review is no longer visible. */
public enum ReviewRemovalReason {
    /** Its author deleted it. */
    DELETED_BY_AUTHOR,
    /** A moderator or admin took it down. */
    MODERATED,
    /** Its author's account was deleted. */
    AUTHOR_DEACTIVATED
}
