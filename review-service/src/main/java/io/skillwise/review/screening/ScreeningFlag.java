package io.skillwise.review.screening;

/** Why screening held a review back; moderators see these in the queue, the author does not. */
public enum ScreeningFlag {
    /** A word or phrase of the configured list. */
    BANNED_TERM,
    /** A web address. */
    LINK,
    /** An e-mail address or a phone number. */
    CONTACT_DETAILS,
    /** The text repeats itself, or copies another review word for word. */
    REPEATED_TEXT,
    /** One of many low ratings on the course in a short time from new accounts. */
    RATING_BOMBING
}
