package io.skillwise.catalog.common;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The Redis cache of anonymous browsing answers ({@code skillwise.catalog.cache.*}).
 *
 * @param enabled    off: every request goes to PostgreSQL
 * @param timeToLive how long an entry lives at most; changes evict earlier
 * @param retryAfter after a Redis failure, how long requests skip the cache before trying Redis again
 */
@ConfigurationProperties("skillwise.catalog.cache")
public record CacheProperties(boolean enabled, Duration timeToLive, Duration retryAfter) {

    public CacheProperties {
        if (timeToLive == null) {
            timeToLive = Duration.ofMinutes(10);
        }
        if (retryAfter == null) {
            retryAfter = Duration.ofSeconds(30);
        }
    }
}
