package io.skillwise.events.promotion;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A campaign's window closed, on schedule or because its owner stopped it early. Key: campaign id.
 *
 * @param campaignId the campaign
 * @param ownerId    the instructor or admin who ran it
 * @param name       the campaign's name
 * @param startedAt  when the window opened
 * @param endedAt    when the window closed
 * @param actorId    who stopped it early; absent when it ran to its planned end
 * @param occurredAt when the end was recorded
 */
public record CampaignEnded(
        UUID campaignId,
        UUID ownerId,
        String name,
        Instant startedAt,
        Instant endedAt,
        UUID actorId,
        Instant occurredAt) implements PromotionEvent {

    public CampaignEnded {
        requireNonNull(campaignId, "campaignId");
        requireNonNull(ownerId, "ownerId");
        requireNonNull(name, "name");
        requireNonNull(startedAt, "startedAt");
        requireNonNull(endedAt, "endedAt");
        requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return campaignId.toString();
    }
}
