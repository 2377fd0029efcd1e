package io.skillwise.events.review;

/** A moderator's decision on reported or held content. */
public enum ModerationDecision {
    /** The content is fine: held content becomes visible, reports are dismissed. */
    APPROVED,
    /** The content is hidden from everybody but its author, with a reason the author sees; it can be restored. */
    HIDDEN,
    /** The content is removed for good. */
    REMOVED,
    /** Content hidden earlier is visible again. */
    RESTORED
}
