package io.skillwise.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A background worker (the mail sender, the live feed) whose thread runs {@link #round() rounds} of work: again at
 * once while a round says there is more, otherwise after the poll interval or as soon as someone {@link #wake() wakes}
 * it (the writer of new work, in this instance). Work that another instance wrote is found by the next poll. A round
 * that throws (the database is away) is retried after the poll interval doubled up to {@code maxPause}; one WARN when
 * it starts failing, one INFO when it works again. Spring starts and stops it with the application.
 */
public abstract class PollingLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

    private final String name;
    private final Duration pollInterval;
    private final Duration maxPause;
    private final boolean enabled;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    /** @param enabled false to never start (e.g. an instance that does not send mail) */
    protected PollingLoop(String name, Duration pollInterval, Duration maxPause, boolean enabled) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.maxPause = maxPause;
        this.enabled = enabled;
    }

    /** One round of work; answers true when it left work for another round right away. */
    protected abstract boolean round();

    /** Asks for a round now; wake-ups that arrive while one is pending collapse into one. */
    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    @Override
    public final synchronized void start() {
        if (thread != null || !enabled) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name(name).start(this::run);
    }

    @Override
    public final synchronized void stop() {
        Thread current = thread;
        if (current == null) {
            return;
        }
        running = false;
        wake();
        try {
            current.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public final boolean isRunning() {
        return thread != null;
    }

    private void run() {
        int failures = 0;
        Duration pause = pollInterval;
        while (running) {
            boolean more;
            try {
                more = round();
                if (failures > 0) {
                    log.info("{} works again after {} failed rounds", name, failures);
                    failures = 0;
                    pause = pollInterval;
                }
            } catch (RuntimeException e) {
                failures++;
                if (failures == 1) {
                    log.warn("{} failed; retrying with backoff: {}", name, e.toString(), e);
                }
                await(pause);
                pause = pause.multipliedBy(2).compareTo(maxPause) <= 0 ? pause.multipliedBy(2) : maxPause;
                continue;
            }
            if (!more) {
                await(pollInterval);
            }
        }
    }

    private void await(Duration timeout) {
        try {
            wakeUps.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
            wakeUps.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
