package io.skillwise.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tokens this gateway took from a shared bucket ahead of time, to spend without asking Redis.
 * <p>
 * A busy caller would otherwise cost one Redis round trip per request. Instead the gateway takes a small batch
 * (about a tenth of the bucket, see {@link RedisTokenBuckets}) and spends it locally for at most a second.
 * The limit stays global: every token still comes out of the one bucket in Redis; a token taken but not spent
 * before its lease ends is lost, which makes the limit slightly stricter, never looser.
 */
final class TokenLeases {

    private static final int CLEANUP_THRESHOLD = 10_000;

    private record Lease(AtomicLong remaining, long expiresAtNanos) {
    }

    private final ConcurrentHashMap<String, Lease> leases = new ConcurrentHashMap<>();
    private final long ttlNanos;

    TokenLeases(long ttlNanos) {
        this.ttlNanos = ttlNanos;
    }

    /** Spends one leased token of this bucket, if there is one. */
    boolean trySpend(String bucketKey) {
        Lease lease = leases.get(bucketKey);
        if (lease == null) {
            return false;
        }
        if (System.nanoTime() - lease.expiresAtNanos() >= 0) {
            leases.remove(bucketKey, lease);
            return false;
        }
        return lease.remaining().getAndDecrement() > 0;
    }

    /** Keeps {@code tokens} granted beyond the one the current request uses. */
    void lease(String bucketKey, long tokens) {
        if (tokens <= 0) {
            return;
        }
        if (leases.size() >= CLEANUP_THRESHOLD) {
            long now = System.nanoTime();
            leases.values().removeIf(lease -> now - lease.expiresAtNanos() >= 0);
        }
        long now = System.nanoTime();
        // Concurrent requests that all found the lease empty each bring a batch: add them up, so no granted
        // token is thrown away while the lease lasts.
        leases.compute(bucketKey, (key, current) -> {
            if (current != null && now - current.expiresAtNanos() < 0 && current.remaining().get() > 0) {
                current.remaining().addAndGet(tokens);
                return current;
            }
            return new Lease(new AtomicLong(tokens), now + ttlNanos);
        });
    }

    int size() {
        return leases.size();
    }
}
