package io.skillwise.catalog.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Redis cache of what anonymous callers browse (course details and listing pages); signed-in callers always read
 * PostgreSQL, since their answers may include their own drafts.
 *
 * <p>Eviction is by generation: every key embeds the current generation number, and any committed
 * {@link CatalogChanged} increments it, so all earlier entries stop being read at once (they expire by TTL). Writes
 * are rare next to reads in a catalog, and a listing page can depend on any course, so nothing finer is worth it.
 *
 * <p>The cache is an optimisation only: when Redis fails the request is answered from PostgreSQL and the cache is
 * skipped for {@code retryAfter}.
 */
@Component
public class BrowsingCache {

    private static final Logger log = LoggerFactory.getLogger(BrowsingCache.class);
    private static final String GENERATION = "catalog:generation";

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final CacheProperties properties;
    private final Clock clock;
    private volatile long skipUntil;
    private volatile boolean evictionPending;

    public BrowsingCache(StringRedisTemplate redis, JsonMapper json, CacheProperties properties, Clock clock) {
        this.redis = redis;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** The cached answer for the key, or the loaded one (then cached). */
    public <T> T get(String key, TypeReference<T> type, Supplier<T> loader) {
        if (!usable()) {
            return loader.get();
        }
        String fullKey;
        try {
            if (evictionPending) {
                redis.opsForValue().increment(GENERATION);
                evictionPending = false;
            }
            fullKey = "catalog:" + generation() + ":" + digest(key);
            String cached = redis.opsForValue().get(fullKey);
            if (cached != null) {
                return json.readValue(cached, type);
            }
        } catch (RuntimeException e) {
            failed(e);
            return loader.get();
        }
        T loaded = loader.get();
        try {
            redis.opsForValue().set(fullKey, json.writeValueAsString(loaded), properties.timeToLive());
        } catch (RuntimeException e) {
            failed(e);
        }
        return loaded;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void evict(CatalogChanged change) {
        if (!properties.enabled()) {
            return;
        }
        try {
            redis.opsForValue().increment(GENERATION);
        } catch (RuntimeException e) {
            // nothing is read from the cache until the eviction has gone through
            evictionPending = true;
            log.warn("Could not evict the browsing cache after a change of course {}: {}", change.courseId(),
                    e.getMessage());
            skipUntil = clock.millis() + properties.retryAfter().toMillis();
        }
    }

    private String generation() {
        return Optional.ofNullable(redis.opsForValue().get(GENERATION)).orElse("0");
    }

    private boolean usable() {
        return properties.enabled() && clock.millis() >= skipUntil;
    }

    private void failed(RuntimeException e) {
        log.warn("Browsing cache unavailable, answering from the database for {}: {}", properties.retryAfter(),
                e.getMessage());
        skipUntil = clock.millis() + properties.retryAfter().toMillis();
    }

    private static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
