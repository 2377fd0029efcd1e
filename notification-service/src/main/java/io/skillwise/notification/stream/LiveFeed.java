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
 *
 * <p>While no stream is open here the feed reads nothing: there is nobody to tell, and a client that connects later
 * replays what it missed from the store. Opening a stream {@link #follow() resumes} the feed from the store's head
 * (read before the stream is registered, so nothing written after that read is skipped); a loop that asked for the
 * head four times a second on an instance without live clients cost a store round trip each time for nothing.
 */
@Component
class LiveFeed extends PollingLoop {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final NotificationService notifications;
    private final LiveConnections connections;
    private final StreamProperties properties;
    private final Clock clock;
    private long watermark = -1;
    /** False while no stream is open: the watermark is then stale and {@link #follow()} reads the head again. */
    private boolean following;
    private Instant gapSince;

    LiveFeed(NotificationService notifications, LiveConnections connections, StreamProperties properties, Clock clock) {
        super("notification-feed", properties.pollInterval(), Duration.ofSeconds(5), true);
        this.notifications = notifications;
        this.connections = connections;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Called before a stream is registered: if the feed was idle, it starts from the store's head as it is now, so the
     * new stream gets what is written from here on and no history (a reconnecting client replays that itself).
     */
    synchronized void follow() {
        if (!following) {
            watermark = notifications.head();
            gapSince = null;
            following = true;
        }
    }

    /** One look at the store; true when a full batch was handed on and more may be waiting. */
    @Override
    protected synchronized boolean round() {
        if (connections.isEmpty()) {
            following = false;
            return false;
        }
        // a stream registered since this instance started always called follow() first
        following = true;
        long head = notifications.head();
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
