package io.skillwise.kit.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How listeners retry and de-duplicate ({@code skillwise.consumer.*}).
 *
 * @param retries              redeliveries of a failing record before it goes to {@code <topic>.dlt}; malformed
 *                             records go there at once
 * @param initialBackoff       pause before the first redelivery
 * @param backoffMultiplier    growth of the pause per redelivery
 * @param maxBackoff           the longest pause; with the defaults a poison record holds its partition for about
 *                             1.4 s in all
 * @param inboxName            the consumer name under which {@code processed_event} records events; empty means
 *                             {@code spring.application.name}. A service with two listeners applying the same event for different
 *                             purposes gives the second its own name through {@link Inbox#processOnce(String,
 *                             IncomingEvent, java.util.function.Consumer)}
 * @param inboxRetention       how long processed event ids are remembered (JDBC); a duplicate later than that would
 *                             be applied again, which is why it is far longer than any redelivery
 * @param mongoProcessedIds    how many processed event ids a Mongo document keeps ({@code $slice})
 */
@ConfigurationProperties("skillwise.consumer")
public record ConsumerProperties(
        @DefaultValue("3") int retries,
        @DefaultValue("200ms") Duration initialBackoff,
        @DefaultValue("2.0") double backoffMultiplier,
        @DefaultValue("2s") Duration maxBackoff,
        @DefaultValue("") String inboxName,
        @DefaultValue("30d") Duration inboxRetention,
        @DefaultValue("200") int mongoProcessedIds) {
}
