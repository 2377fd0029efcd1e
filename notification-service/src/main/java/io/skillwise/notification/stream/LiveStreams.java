package io.skillwise.notification.stream;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.notification.inapp.NotificationService;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Opens live streams and tells them about new notifications. A stream lives until the caller's access token expires
 * (or {@code max-lifetime}); the client then reconnects with a fresh token and {@code Last-Event-ID}.
 */
@Service
public class LiveStreams {

    private final LiveConnections connections;
    private final LiveFeed feed;
    private final NotificationService notifications;
    private final StreamProperties properties;
    private final Clock clock;

    LiveStreams(LiveConnections connections, LiveFeed feed, NotificationService notifications,
                StreamProperties properties, Clock clock) {
        this.connections = connections;
        this.feed = feed;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    /** New notifications were written here: hand them on now rather than at the next poll. */
    public void wake() {
        feed.wake();
    }

    /** How many streams are open on this instance. */
    public int openStreams() {
        return connections.size();
    }

    SseEmitter open(CurrentUser caller, Long lastEventId) {
        Instant now = clock.instant();
        Instant closesAt = now.plus(properties.maxLifetime());
        Instant tokenExpiry = caller.token() == null ? null : caller.token().getExpiresAt();
        if (tokenExpiry != null && tokenExpiry.isBefore(closesAt)) {
            closesAt = tokenExpiry;
        }
        // the container's own limit is only a backstop: the connection ends itself at closesAt
        SseEmitter emitter = new SseEmitter(Duration.between(now, closesAt).plusSeconds(30).toMillis());
        LiveConnection connection = new LiveConnection(caller.id(), emitter, closesAt, lastEventId, properties, clock,
                connections::remove);
        emitter.onCompletion(connection::close);
        emitter.onTimeout(connection::close);
        emitter.onError(error -> connection.close());
        feed.follow();
        LiveConnection oldest = connections.add(connection, properties.maxPerUser());
        if (oldest != null) {
            oldest.close();
        }
        if (lastEventId != null) {
            connection.replay(notifications.latestAfter(caller.id(), lastEventId, properties.replayLimit()));
        }
        Thread.ofVirtual().name("notification-stream-" + caller.id()).start(connection::write);
        return emitter;
    }
}
