package io.skillwise.identity.session;

import io.skillwise.events.identity.RevokedSessionKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The Redis denylist the gateway checks on every request: an access token whose {@code sid} is listed is refused at
 * once, not only when it expires. The key format is the one {@link RevokedSessionKeys} defines for both sides.
 */
@Component
public class RevokedSessions {

    private final StringRedisTemplate redis;
    private final SessionProperties properties;

    public RevokedSessions(StringRedisTemplate redis, SessionProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    public void revoke(String sessionId) {
        if (sessionId != null && !sessionId.isBlank()) {
            redis.opsForValue().set(RevokedSessionKeys.keyFor(sessionId), "1", properties.revocationTtl());
        }
    }

    public boolean isRevoked(String sessionId) {
        return Boolean.TRUE.equals(redis.hasKey(RevokedSessionKeys.keyFor(sessionId)));
    }
}
