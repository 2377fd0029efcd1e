package io.skillwise.kit.security;

import io.skillwise.events.identity.RevokedSessionKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;

/**
 * The logout denylist in Redis, shared by identity-service (which writes it on logout), the gateway and every service
 * (which refuse the tokens of a listed session). Key {@code skillwise:revoked-session:<sid>}, {@code sid} being the
 * Keycloak session id in the access token; only its existence matters, and it lives at least as long as an access
 * token (ADR 0009). The key format is {@link RevokedSessionKeys} in the published language, which the gateway's
 * reactive check reads too.
 * <p>
 * When Redis is unreachable the check is skipped for a few seconds at a time (one failed call, not one per request)
 * and, by default, the token accepted: the session has ended at Keycloak anyway, so its tokens die within minutes.
 */
public class SessionDenylist {

    /** The access-token claim naming the session. */
    public static final String SESSION_CLAIM = RevokedSessionKeys.SESSION_CLAIM;

    private static final Logger log = LoggerFactory.getLogger(SessionDenylist.class);
    private static final long PAUSE_AFTER_FAILURE_NANOS = Duration.ofSeconds(5).toNanos();

    /** The denylist could not be read and the service is configured to fail closed. */
    public static class UnavailableException extends RuntimeException {
        UnavailableException(Throwable cause) {
            super("The session denylist is unavailable", cause);
        }
    }

    private final StringRedisTemplate redis;
    private final boolean failOpen;
    private volatile long pausedUntilNanos;
    private volatile boolean outage;

    public SessionDenylist(StringRedisTemplate redis, boolean failOpen) {
        this.redis = redis;
        this.failOpen = failOpen;
    }

    public static String keyFor(String sessionId) {
        return RevokedSessionKeys.keyFor(sessionId);
    }

    /** Ends a session for every token of it, for {@code ttl} (no shorter than the longest access-token lifetime). */
    public void revoke(String sessionId, Duration ttl) {
        if (sessionId != null && !sessionId.isBlank()) {
            redis.opsForValue().set(keyFor(sessionId), "1", ttl);
        }
    }

    /** True if the session was ended; a token without a session id has nothing to revoke. */
    public boolean isRevoked(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return false;
        }
        if (outage && System.nanoTime() - pausedUntilNanos < 0) {
            return unavailable(null);
        }
        try {
            boolean revoked = Boolean.TRUE.equals(redis.hasKey(keyFor(sessionId)));
            if (outage) {
                outage = false;
                log.info("Session denylist reachable again");
            }
            return revoked;
        } catch (DataAccessException e) {
            if (!outage) {
                outage = true;
                log.warn("Session denylist unreachable ({}); {} for the next few seconds", e.getMessage(),
                        failOpen ? "tokens are accepted without the check" : "tokens are refused");
            }
            pausedUntilNanos = System.nanoTime() + PAUSE_AFTER_FAILURE_NANOS;
            return unavailable(e);
        }
    }

    private boolean unavailable(Throwable cause) {
        if (failOpen) {
            return false;
        }
        throw new UnavailableException(cause);
    }
}
