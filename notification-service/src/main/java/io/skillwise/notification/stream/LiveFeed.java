package io.skillwise.notification.stream;

import io.skillwise.notification.PollingLoop;
import io.skillwise.notification.inapp.LiveNotification;
import io.skillwise.notification.inapp.NotificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Follows the notifications every instance writes and hands each to the streams open here for its recipient. All
 * notifications are numbered by one counter (see {@code NotificationSequence}), so this instance remembers the number
 * up to which it has handed everything on (the watermark) and asks for what comes after: a notification written on
 * another instance reaches a client connected to this one at the next poll (a quarter of a second by default), one
 * written here at once (the writer wakes the feed). A number that is reserved but not yet visible (a batch still being
 * inserted) holds the feed back until it appears or {@code gap-timeout} passes (a writer that failed), so each stream
 * gets its notifications in order.
 */
@Component
class LiveFeed extends PollingLoop {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final NotificationService notifications;
    private final LiveConnections connections;
    private final StreamProperties properties;
    private final Clock clock;
    private long watermark = -1;
    private Instant gapSince;

    LiveFeed(NotificationService notifications, LiveConnections connections, StreamProperties properties, Clock clock) {
        super("notification-feed", properties.pollInterval(), Duration.ofSeconds(5), true);
        this.notifications = notifications;
        this.connections = connections;
        this.properties = properties;
        this.clock = clock;
    }

    /** One look at the store; true when a full batch was handed on and more may be waiting. */
    @Override
    protected synchronized boolean round() {
        long head = notifications.head();
        if (watermark < 0 || connections.isEmpty()) {
            // nobody to tell (or just started): history is not streamed; a reconnecting client replays from the store
            watermark = head;
            gapSince = null;
            return false;
        }
        if (head <= watermark) {
            return false;
        }
        List<LiveNotification> next = notifications.after(watermark, properties.batchSize());
        int handedOn = 0;
        for (LiveNotification notification : next) {
            if (notification.seq() != watermark + 1 && !gapLastedTooLong()) {
                break;
            }
            dispatch(notification);
            watermark = notification.seq();
            gapSince = null;
            handedOn++;
        }
        if (next.isEmpty() && gapLastedTooLong()) {
            watermark = head;
            gapSince = null;
        }
        return handedOn == properties.batchSize();
    }

    private boolean gapLastedTooLong() {
        Instant now = clock.instant();
        if (gapSince == null) {
            gapSince = now;
            return false;
        }
        if (Duration.between(gapSince, now).compareTo(properties.gapTimeout()) < 0) {
            return false;
        }
        log.debug("notification numbers after {} did not appear within {}; moving past them", watermark,
                properties.gapTimeout());
        return true;
    }

    private void dispatch(LiveNotification notification) {
        for (LiveConnection connection : connections.of(notification.recipientId())) {
            connection.offer(notification);
        }
    }
}
