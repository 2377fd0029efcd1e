package io.skillwise.analytics.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the projections consume.
 *
 * @param concurrency    consumer threads per projection version (partitions are shared among them and among
 *                       instances)
 * @param maxPollRecords records per batch: each batch is one transaction with one statement per table
 * @param checkInterval  how often an instance looks at the versions (starts and stops consumers, switches a caught-up
 *                       rebuild, drops retired schemas) and measures consumer lag
 * @param caughtUpLag    a rebuild is switched in once the records it has not applied yet, over every partition, are
 *                       at most this many
 * @param retiredGrace   how long a replaced version's tables stay, so answers already reading them finish
 * @param topicSuffix    appended to every topic read; only for tests that share one broker
 */
@ConfigurationProperties("skillwise.analytics.projection")
public record ProjectionProperties(
        @DefaultValue("1") int concurrency,
        @DefaultValue("2000") int maxPollRecords,
        @DefaultValue("2s") Duration checkInterval,
        @DefaultValue("50") long caughtUpLag,
        @DefaultValue("30s") Duration retiredGrace,
        @DefaultValue("") String topicSuffix) {
}
