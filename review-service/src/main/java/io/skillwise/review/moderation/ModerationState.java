package io.skillwise.review.moderation;

import java.time.Instant;

/**
 * Where a piece of content stands in the moderation queue; embedded in the content's own document, so a report or
 * a decision changes it in the same write as the content.
 *
 * @param open           in the queue: held by screening, or reported since the last decision
 * @param reportCount    reports since the last decision (the queue shows the most reported first)
 * @param totalReports   reports ever
 * @param openedAt       when it entered the queue this time; absent when not in it
 * @param lastReportedAt the latest report; absent when never reported
 * @param decidedAt      the latest moderator decision; absent when none
 */
public record ModerationState(boolean open, int reportCount, int totalReports, Instant openedAt,
                              Instant lastReportedAt, Instant decidedAt) {

    public static ModerationState none() {
        return new ModerationState(false, 0, 0, null, null, null);
    }

    /** Held for a moderator without a report (screening, an edit of hidden content). */
    public ModerationState held(Instant now) {
        return open ? this : new ModerationState(true, reportCount, totalReports, now, lastReportedAt, decidedAt);
    }

    /** A moderator decided: open reports are settled and the item leaves the queue. */
    public ModerationState decided(Instant now) {
        return new ModerationState(false, 0, totalReports, null, lastReportedAt, now);
    }

    /** The content is gone (deleted by its author, withdrawn, erased): nothing left to moderate. */
    public ModerationState closed() {
        return new ModerationState(false, 0, totalReports, null, lastReportedAt, decidedAt);
    }
}
