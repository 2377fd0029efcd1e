package io.skillwise.notification.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code skillwise.notification.stream.*}: the live notification streams (server-sent events).
 *
 * @param pollInterval   how often each instance looks for notifications written by any instance
 * @param batchSize      notifications read per look
 * @param gapTimeout     how long a missing number in the sequence is waited for (a batch still being written by
 *                       another instance) before the stream moves past it
 * @param heartbeat      a comment line after this much silence, so proxies keep the connection and dead clients are
 *                       noticed
 * @param maxLifetime    a stream ends after this long, or when the caller's access token expires if that is sooner;
 *                       the client reconnects with {@code Last-Event-ID} and gets what it missed
 * @param reconnectDelay the {@code retry:} the stream tells clients to wait before reconnecting
 * @param replayLimit    at most this many missed notifications (the newest) are replayed on reconnect
 * @param maxPerUser     open streams per user (tabs, devices); a further one closes the oldest
 * @param queueCapacity  events waiting for one slow client; when it is full the stream is closed (it reconnects)
 */
@ConfigurationProperties("skillwise.notification.stream")
public record StreamProperties(Duration pollInterval, int batchSize, Duration gapTimeout, Duration heartbeat,
                               Duration maxLifetime, Duration reconnectDelay, int replayLimit, int maxPerUser,
                               int queueCapacity) {
}
