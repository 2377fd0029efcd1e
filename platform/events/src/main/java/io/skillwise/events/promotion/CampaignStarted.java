package io.skillwise.events.promotion;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A campaign's window opened: its offers apply from now on. Effectiveness reports compare enrollments inside the
 * window with the same length of time before it. Key: campaign id.
 *
 * @param campaignId the campaign
 * @param ownerId    the instructor or admin who runs it
 * @param name       the campaign's name
 * @param startsAt   start of the window
 * @param endsAt     planned end of the window
 * @param courseIds  the courses it promotes; empty for a platform-wide campaign
 * @param couponIds  the coupons it groups
 * @param occurredAt when the window opened
 */
public record CampaignStarted(
        UUID campaignId,
        UUID ownerId,
        String name,
        Instant startsAt,
        Instant endsAt,
        List<UUID> courseIds,
        List<UUID> couponIds,
        Instant occurredAt) implements PromotionEvent {

    public CampaignStarted {
        requireNonNull(campaignId, "campaignId");
        requireNonNull(ownerId, "ownerId");
        requireNonNull(name, "name");
        requireNonNull(startsAt, "startsAt");
        requireNonNull(endsAt, "endsAt");
        courseIds = List.copyOf(requireNonNull(courseIds, "courseIds"));
        couponIds = List.copyOf(requireNonNull(couponIds, "couponIds"));
        requireNonNull(occurredAt, "occurredAt");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("campaign " + campaignId + " ends before it starts");
        }
    }

    @Override
    public String aggregateId() {
        return campaignId.toString();
    }
}
