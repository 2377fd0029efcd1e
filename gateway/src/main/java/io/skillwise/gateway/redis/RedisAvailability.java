package io.skillwise.gateway.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Remembers that Redis just failed, so that for a short while the gateway does not ask it again.
 * <p>
 * Rate limits and the session denylist fail open: while Redis is unreachable requests pass unlimited and a
 * revoked session is accepted until its token expires (minutes). The alternative, refusing every request, would
 * turn a cache outage into a platform outage; the services still validate every token themselves, and their
 * object-level checks do not depend on Redis. A failed call waits {@value #BACKOFF_SECONDS} s before the next
 * attempt so a dead Redis costs requests nothing, and the outage is logged once, not per request.
 */
@Component
public class RedisAvailability {

    static final long BACKOFF_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(RedisAvailability.class);
    private static final long BACKOFF_NANOS = Duration.ofSeconds(BACKOFF_SECONDS).toNanos();

    private final AtomicBoolean down = new AtomicBoolean();
    private volatile long retryAtNanos;

    /** True while a recent failure says Redis should not be asked. */
    public boolean skip() {
        return down.get() && System.nanoTime() - retryAtNanos < 0;
    }

    public void failed(Throwable failure) {
        retryAtNanos = System.nanoTime() + BACKOFF_NANOS;
        if (down.compareAndSet(false, true)) {
            log.warn("Redis is unavailable ({}); rate limits and session revocation are not enforced until it is back",
                    failure.toString());
        }
    }

    public void succeeded() {
        if (down.get() && down.compareAndSet(true, false)) {
            log.info("Redis is available again; rate limits and session revocation are enforced");
        }
    }
}
