package io.skillwise.analytics.projection;

import java.util.UUID;

/**
 * One event of a batch and where it came from.
 *
 * @param eventId the {@code ce_id}
 * @param offset  its place on its partition; among events of one key with the same time, the later offset wins
 */
public record Delivered<E>(UUID eventId, E event, String topic, int partition, long offset) {
}
