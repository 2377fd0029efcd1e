package io.skillwise.kit.messaging.outbox;

import io.skillwise.kit.messaging.OutboxProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The relay's own thread: runs rounds while there is work, sleeps until woken (right after a commit that recorded
 * events) or until the poll interval passes (rows nobody woke it for: another instance's, or left by a crash), and
 * backs off exponentially while Kafka is away, ignoring wake-ups meanwhile so an outage with busy writers does not
 * turn into a busy loop. Clean-up runs between rounds.
 */
public final class RelayLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RelayLoop.class);
    /** How soon to look again when another instance held the lock: it may have missed our last commit. */
    private static final Duration LOCK_RETRY = Duration.ofMillis(100);

    private final OutboxRelay relay;
    private final OutboxProperties properties;
    private final AutoCloseable resources;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile CountDownLatch stopped = new CountDownLatch(1);
    private volatile Thread thread;

    /** @param resources closed after the thread ends (the relay's producer) */
    public RelayLoop(OutboxRelay relay, OutboxProperties properties, AutoCloseable resources) {
        this.relay = relay;
        this.properties = properties;
        this.resources = resources;
    }

    /** The relay's store, e.g. {@code jdbc} or {@code mongo}. */
    public String name() {
        return relay.name();
    }

    /** Asks for a round as soon as possible; wake-ups that arrive while one is pending collapse into one. */
    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** What the relay parked: for the {@code outbox} health component. */
    public long countParked() {
        return relay.countParked();
    }

    public List<ParkedEvent> parked(int limit) {
        return relay.parked(limit);
    }

    @Override
    public synchronized void start() {
        if (thread != null || !properties.relayEnabled()) {
            return;
        }
        stopped = new CountDownLatch(1);
        thread = Thread.ofPlatform().daemon().name("outbox-relay-" + relay.name()).start(this::run);
    }

    @Override
    public synchronized void stop() {
        Thread running = thread;
        if (running == null) {
            return;
        }
        stopped.countDown();
        wake();
        try {
            // a round in flight ends within the send timeout; what it did not mark is sent again after restart
            running.join(properties.sendTimeout().multipliedBy(2).plusSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        try {
            resources.close();
        } catch (Exception e) {
            log.debug("closing the {} relay's resources failed", relay.name(), e);
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void run() {
        Duration backoff = properties.initialBackoff();
        int failures = 0;
        long nextCleanUp = System.nanoTime() + properties.cleanupInterval().toNanos();
        while (stopped.getCount() > 0) {
            RelayRound round = safely();
            if (round.failure() != null) {
                failures++;
                if (failures == 1) {
                    log.warn("outbox relay ({}) cannot publish, retrying with backoff until it can: {}",
                            relay.name(), round.failure().toString());
                } else {
                    log.debug("outbox relay ({}) attempt {} failed: {}", relay.name(), failures, round.failure().toString());
                }
                pause(backoff);
                backoff = min(backoff.multipliedBy(2), properties.maxBackoff());
                continue;
            }
            if (failures > 0) {
                log.info("outbox relay ({}) publishes again after {} failed attempts", relay.name(), failures);
                failures = 0;
                backoff = properties.initialBackoff();
            }
            // before the "more" shortcut, so a relay that is never idle still cleans up
            if (System.nanoTime() - nextCleanUp >= 0) {
                cleanUp();
                nextCleanUp = System.nanoTime() + properties.cleanupInterval().toNanos();
            }
            if (round.more()) {
                continue;
            }
            awaitWakeUp(round.lockedElsewhere() ? min(LOCK_RETRY, properties.pollInterval()) : properties.pollInterval());
        }
    }

    private RelayRound safely() {
        try {
            return relay.publishPending();
        } catch (RuntimeException e) {
            // e.g. the database is away: same treatment as Kafka being away
            return RelayRound.failed(e);
        }
    }

    private void cleanUp() {
        try {
            relay.cleanUp();
        } catch (RuntimeException e) {
            log.warn("outbox clean-up ({}) failed; it runs again later: {}", relay.name(), e.toString());
        }
    }

    private void awaitWakeUp(Duration timeout) {
        try {
            wakeUps.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
            wakeUps.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.countDown();
        }
    }

    // Only stop() ends a backoff early; wake-ups from new commits wait, the backlog is published as one.
    private void pause(Duration backoff) {
        try {
            stopped.await(backoff.toNanos(), TimeUnit.NANOSECONDS);
            wakeUps.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.countDown();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
