package io.skillwise.notification.discussion;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code skillwise.notification.discussion.*}: telling followers about new posts.
 *
 * @param pollInterval how often the notifier looks for posts nobody woke it for (written on another instance, or left
 *                     by one that failed)
 * @param maxPause     the longest pause between rounds while the database is away
 * @param batchSize    posts handled per round
 */
@ConfigurationProperties("skillwise.notification.discussion")
record DiscussionProperties(Duration pollInterval, Duration maxPause, int batchSize) {

    DiscussionProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("skillwise.notification.discussion.batch-size must be at least 1");
        }
    }
}
