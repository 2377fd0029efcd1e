package io.skillwise.gateway.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import io.skillwise.gateway.redis.RedisAvailability;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Runs {@code token-buckets.lua}: at most one round trip to Redis per request, whatever the number of buckets,
 * and for busy callers far fewer ({@link TokenLeases}). Written here rather than using Spring Cloud Gateway's
 * RedisRateLimiter, which answers 429 with an empty body and checks a single key per request.
 */
@Component
public class RedisTokenBuckets {

    /** One bucket to take a token from. */
    public record Bucket(String key, RateLimitProperties.Limit limit) {
    }

    /** Allowed, or refused with the time until a retry would succeed. */
    public record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);
    }

    static final String KEY_PREFIX = "skillwise:rate-limit:";

    private static final long MAX_LEASE = 100;
    /** A lease is spent within a second or dropped: a limit's refill never runs far ahead of its use. */
    private static final long LEASE_TTL_NANOS = Duration.ofSeconds(1).toNanos();

    /**
     * Read once, as text: a script built from a {@code Resource} checks the file's modification time before every
     * call, which cost more than the rest of the rate limiter together.
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SCRIPT = RedisScript.of(loadScript(), List.class);

    private final ReactiveStringRedisTemplate redis;
    private final RedisAvailability availability;
    private final TokenLeases leases = new TokenLeases(LEASE_TTL_NANOS);

    public RedisTokenBuckets(ReactiveStringRedisTemplate redis, RedisAvailability availability) {
        this.redis = redis;
        this.availability = availability;
    }

    /**
     * Spends a token this replica leased earlier, when the request counts against one bucket only (the common case,
     * the caller's general bucket) and one is left: no Redis call, nothing to wait for.
     */
    public boolean takeLeased(List<Bucket> buckets) {
        return buckets.size() == 1 && leases.trySpend(buckets.getFirst().key());
    }

    /** Takes one token from every bucket, or from none; allows the request if Redis cannot be asked. */
    public Mono<Decision> take(List<Bucket> buckets) {
        if (takeLeased(buckets)) {
            return Mono.just(Decision.ALLOWED);
        }
        if (buckets.size() == 1) {
            // One general bucket: take a lease of tokens for the caller's next requests along with this one.
            Bucket bucket = buckets.getFirst();
            long leaseSize = leaseSize(bucket.limit());
            return run(buckets, leaseSize, granted -> leases.lease(bucket.key(), granted - 1));
        }
        // Several buckets (auth routes, coupon checks): strict limits, asked one request at a time.
        return run(buckets, 1, granted -> { });
    }

    /**
     * About a tenth of the bucket, at most 100 tokens, and none for small buckets (capacity under 20), where
     * every token counts: a lease never lets a caller exceed the limit, but it is spent only by this replica.
     */
    static long leaseSize(RateLimitProperties.Limit limit) {
        return Math.max(1, Math.min(MAX_LEASE, limit.capacity() / 10));
    }

    private Mono<Decision> run(List<Bucket> buckets, long want, LongConsumer onGranted) {
        if (availability.skip()) {
            return Mono.just(Decision.ALLOWED);
        }
        List<String> keys = new ArrayList<>(buckets.size());
        List<String> args = new ArrayList<>(1 + buckets.size() * 2);
        args.add(Long.toString(want));
        for (Bucket bucket : buckets) {
            keys.add(KEY_PREFIX + bucket.key());
            args.add(Long.toString(bucket.limit().capacity()));
            args.add(Double.toString(bucket.limit().tokensPerMilli()));
        }
        return redis.execute(SCRIPT, keys, args)
                .next()
                .map(reply -> {
                    long granted = ((Number) reply.get(0)).longValue();
                    if (granted > 0) {
                        onGranted.accept(granted);
                        return Decision.ALLOWED;
                    }
                    return new Decision(false, Duration.ofMillis(((Number) reply.get(1)).longValue()));
                })
                .doOnNext(decision -> availability.succeeded())
                .onErrorResume(failure -> {
                    availability.failed(failure);
                    return Mono.just(Decision.ALLOWED);
                })
                .defaultIfEmpty(Decision.ALLOWED);
    }

    private static String loadScript() {
        try (InputStream in = RedisTokenBuckets.class.getResourceAsStream("token-buckets.lua")) {
            if (in == null) {
                throw new IllegalStateException("token-buckets.lua is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
