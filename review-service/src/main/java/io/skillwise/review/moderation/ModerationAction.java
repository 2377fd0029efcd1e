package io.skillwise.review.moderation;

import io.skillwise.events.review.ModerationDecision;

/** What a moderator can do with an item of the queue. */
public enum ModerationAction {
    /** The content is fine: held content goes public, open reports are dismissed. */
    APPROVE(ModerationDecision.APPROVED),
    /** Hidden from everybody but its author, with a reason the author sees; it can be restored. */
    HIDE(ModerationDecision.HIDDEN),
    /** Taken down for good. */
    REMOVE(ModerationDecision.REMOVED),
    /** Hidden content is public again. */
    RESTORE(ModerationDecision.RESTORED);

    private final ModerationDecision decision;

    ModerationAction(ModerationDecision decision) {
        this.decision = decision;
    }

    /** The decision as {@code ContentModerated} publishes it. */
    public ModerationDecision decision() {
        return decision;
    }

    /** Hiding and removing tell the author why; approving and restoring need no words. */
    public boolean needsReason() {
        return this == HIDE || this == REMOVE;
    }
}
