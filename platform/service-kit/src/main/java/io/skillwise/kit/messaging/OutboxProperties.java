package io.skillwise.kit.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * How the outbox relay publishes ({@code skillwise.outbox.*}). The defaults suit every service; change them only
 * with a measurement in hand.
 *
 * @param relayEnabled    whether this instance runs a relay at all; writes still go to the outbox when off
 * @param pollInterval    how often the relay looks for rows nobody woke it for (another instance's commits,
 *                        rows left by a crash); commits in this instance wake it at once
 * @param batchSize       rows read per round
 * @param sendTimeout     how long one round may wait for the broker (the producer's {@code delivery.timeout.ms} and
 *                        {@code max.block.ms}), so a dead broker costs seconds, not Kafka's default minute
 * @param initialBackoff  the first pause after a failed round; doubled after every further failure
 * @param maxBackoff      the longest pause between attempts while Kafka is away
 * @param retention       how long published rows stay in {@code outbox_event} (for diagnosis) before deletion
 * @param cleanupInterval how often old published rows are deleted
 * @param cleanupBatchSize the most rows one clean-up statement deletes, so clean-up never holds long locks
 * @param mongoLease      how long a Mongo relay's lease lasts; another instance takes over after it lapses
 * @param topicSuffix     appended to every topic name; only for tests that share one broker between test classes
 * @param maxEventSize    the largest record an event may become (key, JSON body and CloudEvents headers, as Kafka
 *                        counts it); the producer's {@code max.request.size} when that is smaller. A larger event is
 *                        refused when it is written ({@link EventTooLargeException}), so its transaction fails at once.
 *                        Keep it at or below the broker's {@code message.max.bytes} (and the topics'
 *                        {@code max.message.bytes}), which the outbox cannot see
 * @param parkAfterRefusals how often Kafka may refuse an event for good (too large for the broker, an invalid topic)
 *                        before the relay parks it: it stops sending it, logs an error, reports it in health and
 *                        {@code skillwise.outbox.parked}, and holds back the later events of its key
 */
@ConfigurationProperties("skillwise.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("5s") Duration sendTimeout,
        @DefaultValue("200ms") Duration initialBackoff,
        @DefaultValue("5s") Duration maxBackoff,
        @DefaultValue("24h") Duration retention,
        @DefaultValue("1m") Duration cleanupInterval,
        @DefaultValue("5000") int cleanupBatchSize,
        @DefaultValue("15s") Duration mongoLease,
        @DefaultValue("") String topicSuffix,
        @DefaultValue("1MB") DataSize maxEventSize,
        @DefaultValue("5") int parkAfterRefusals) {

    /** The topic an event of {@code catalogTopic} goes to in this process. */
    public String topic(String catalogTopic) {
        return catalogTopic + topicSuffix;
    }
}
