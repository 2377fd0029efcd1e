package io.skillwise.notification.stream;

import io.skillwise.notification.inapp.LiveNotification;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One open stream. Events are queued and written by the connection's own (virtual) thread, so a slow client never
 * holds up the instance's feed. Each notification is written once and in sequence order: a notification numbered at
 * or below the last one queued is skipped, and live notifications that arrive while the missed ones are replayed wait
 * until the replay is queued.
 */
final class LiveConnection {

    private static final Object CLOSE = new Object();

    private final UUID userId;
    private final SseEmitter emitter;
    private final Instant closesAt;
    private final StreamProperties properties;
    private final Clock clock;
    private final BlockingQueue<Object> queue;
    private final List<LiveNotification> heldDuringReplay = new ArrayList<>();
    private final Consumer<LiveConnection> onClose;
    private long lastQueued;
    private boolean replaying;
    private volatile boolean closed;

    LiveConnection(UUID userId, SseEmitter emitter, Instant closesAt, Long lastEventId, StreamProperties properties,
                   Clock clock, Consumer<LiveConnection> onClose) {
        this.userId = userId;
        this.emitter = emitter;
        this.closesAt = closesAt;
        this.properties = properties;
        this.clock = clock;
        this.onClose = onClose;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.lastQueued = lastEventId == null ? 0 : lastEventId;
        this.replaying = lastEventId != null;
    }

    UUID userId() {
        return userId;
    }

    /** A live notification for this user. */
    synchronized void offer(LiveNotification notification) {
        if (replaying) {
            heldDuringReplay.add(notification);
        } else {
            enqueue(notification);
        }
    }

    /** Queues what the client missed, then what arrived live meanwhile. */
    synchronized void replay(List<LiveNotification> missed) {
        missed.forEach(this::enqueue);
        heldDuringReplay.sort(Comparator.comparingLong(LiveNotification::seq));
        heldDuringReplay.forEach(this::enqueue);
        heldDuringReplay.clear();
        replaying = false;
    }

    private void enqueue(LiveNotification notification) {
        if (closed || notification.seq() <= lastQueued) {
            return;
        }
        lastQueued = notification.seq();
        if (!queue.offer(notification)) {
            // the client does not keep up; it reconnects with Last-Event-ID and gets the rest from the store
            close();
        }
    }

    /** Ends the stream (idempotent); the writer completes the response. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        queue.offer(CLOSE);
        onClose.accept(this);
    }

    /** The writer: runs on its own virtual thread until the stream ends. */
    void write() {
        try {
            // at once: the gateway cuts a call that has not started answering within its response time limit
            emitter.send(SseEmitter.event().reconnectTime(properties.reconnectDelay().toMillis()).comment("connected"));
            while (!closed) {
                Duration left = Duration.between(clock.instant(), closesAt);
                if (left.isNegative() || left.isZero()) {
                    break;
                }
                Duration wait = left.compareTo(properties.heartbeat()) < 0 ? left : properties.heartbeat();
                Object next = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
                if (next == CLOSE) {
                    break;
                }
                if (next instanceof LiveNotification notification) {
                    emitter.send(SseEmitter.event().id(Long.toString(notification.seq())).name("notification")
                            .data(notification.view(), MediaType.APPLICATION_JSON));
                } else if (next == null && clock.instant().isBefore(closesAt)) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                }
            }
            close();
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            // the client went away (or the container already ended the response)
            close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            emitter.complete();
        }
    }
}
