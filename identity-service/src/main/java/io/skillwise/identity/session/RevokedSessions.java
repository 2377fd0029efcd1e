package io.skillwise.identity.session;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The Redis denylist the gateway checks on every request: an access token whose {@code sid} is listed is refused at
 * once, not only when it expires. Key format shared with the gateway's {@code RevokedSessionKeys}:
 * {@code skillwise:revoked-session:<sid>}; only the key's existence matters.
 */
@Component
public class RevokedSessions {

    public static final String PREFIX = "skillwise:revoked-session:";

    private final StringRedisTemplate redis;
    private final SessionProperties properties;

    public RevokedSessions(StringRedisTemplate redis, SessionProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    public static String keyFor(String sessionId) {
        return PREFIX + sessionId;
    }

    public void revoke(String sessionId) {
        if (sessionId != null && !sessionId.isBlank()) {
            redis.opsForValue().set(keyFor(sessionId), "1", properties.revocationTtl());
        }
    }

    public boolean isRevoked(String sessionId) {
        return Boolean.TRUE.equals(redis.hasKey(keyFor(sessionId)));
    }
}
