package io.skillwise.promotion.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Offers grouped over a time window. Its coupons apply only while it runs; its sales are withdrawn when it is
 * stopped early.
 *
 * @param courseIds the courses it promotes explicitly (those of its sales and coupons count too)
 */
public record Campaign(UUID id, UUID ownerId, String name, Instant startsAt, Instant endsAt, CampaignStatus status,
                       Instant startedAt, Instant endedAt, UUID stoppedBy, List<UUID> courseIds, Instant createdAt) {

    public enum CampaignStatus { SCHEDULED, RUNNING, ENDED }

    public Campaign {
        courseIds = List.copyOf(courseIds);
    }

    /** The window the report measures: from the start to the end, or to now while it runs. */
    public Instant reportEnd(Instant now) {
        return switch (status) {
            case SCHEDULED -> startsAt;
            case RUNNING -> now.isBefore(endsAt) ? (now.isBefore(startsAt) ? startsAt : now) : endsAt;
            case ENDED -> endedAt.isBefore(startsAt) ? startsAt : endedAt;
        };
    }

    /** The same length of time just before the window: what "normal" looked like. */
    public Instant baselineStart(Instant now) {
        return startsAt.minus(Duration.between(startsAt, reportEnd(now)));
    }
}
