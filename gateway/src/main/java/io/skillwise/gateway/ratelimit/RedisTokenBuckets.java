package io.skillwise.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.skillwise.gateway.redis.RedisAvailability;
import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Runs {@code token-buckets.lua}: one round trip to Redis per request, whatever the number of buckets.
 * Written here rather than using Spring Cloud Gateway's RedisRateLimiter, which answers 429 with an empty body
 * and checks a single key per request.
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

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SCRIPT = RedisScript.of(
            new ClassPathResource("io/skillwise/gateway/ratelimit/token-buckets.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;
    private final RedisAvailability availability;

    public RedisTokenBuckets(ReactiveStringRedisTemplate redis, RedisAvailability availability) {
        this.redis = redis;
        this.availability = availability;
    }

    /** Takes one token from every bucket, or from none; allows the request if Redis cannot be asked. */
    public Mono<Decision> take(List<Bucket> buckets) {
        if (availability.skip()) {
            return Mono.just(Decision.ALLOWED);
        }
        List<String> keys = new ArrayList<>(buckets.size());
        List<String> args = new ArrayList<>(buckets.size() * 2);
        for (Bucket bucket : buckets) {
            keys.add(KEY_PREFIX + bucket.key());
            args.add(Long.toString(bucket.limit().capacity()));
            args.add(Double.toString(bucket.limit().tokensPerMilli()));
        }
        return redis.execute(SCRIPT, keys, args)
                .next()
                .map(RedisTokenBuckets::decision)
                .doOnNext(decision -> availability.succeeded())
                .onErrorResume(failure -> {
                    availability.failed(failure);
                    return Mono.just(Decision.ALLOWED);
                })
                .defaultIfEmpty(Decision.ALLOWED);
    }

    private static Decision decision(List<?> reply) {
        long allowed = ((Number) reply.get(0)).longValue();
        if (allowed == 1) {
            return Decision.ALLOWED;
        }
        return new Decision(false, Duration.ofMillis(((Number) reply.get(1)).longValue()));
    }
}
