package io.skillwise.kit.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How listeners retry and de-duplicate ({@code skillwise.consumer.*}).
 *
 * @param retries              redeliveries of a record failing for an unexpected reason (a bug) before it goes to
 *                             {@code <topic>.dlt}; poison records ({@link UnprocessableEventException}, malformed ones)
 *                             go there at once, and transient failures are retried without limit
 * @param initialBackoff       pause before the first redelivery
 * @param backoffMultiplier    growth of the pause per redelivery
 * @param maxBackoff           the longest pause between the bounded retries; with the defaults a record failing for
 *                             an unexpected reason holds its partition for about 1.4 s in all
 * @param transientMaxBackoff  the longest pause between redeliveries of a record failing for a transient reason (a
 *                             store or the broker away): the most the consumer lags behind a recovered store
 * @param stuckAfter           how long a record may keep its partition waiting before the {@code eventConsumers} health
 *                             component turns DEGRADED
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
        @DefaultValue("10s") Duration transientMaxBackoff,
        @DefaultValue("10s") Duration stuckAfter,
        @DefaultValue("") String inboxName,
        @DefaultValue("30d") Duration inboxRetention,
        @DefaultValue("200") int mongoProcessedIds) {
}
