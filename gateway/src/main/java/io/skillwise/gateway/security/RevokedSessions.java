package io.skillwise.gateway.security;

import io.skillwise.events.identity.RevokedSessionKeys;
import io.skillwise.gateway.redis.RedisAvailability;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/** Looks sessions up in the denylist described by {@link RevokedSessionKeys}. */
@Component
public class RevokedSessions {

    private final ReactiveStringRedisTemplate redis;
    private final RedisAvailability availability;
    private final boolean failOpen;

    public RevokedSessions(ReactiveStringRedisTemplate redis, RedisAvailability availability,
            SecurityProperties properties) {
        this.redis = redis;
        this.availability = availability;
        this.failOpen = properties.revocationFailOpen();
    }

    /** True if the session was ended; a token without a session id has nothing to revoke. */
    public Mono<Boolean> isRevoked(String sessionId) {
        if (sessionId == null || sessionId.isEmpty()) {
            return Mono.just(false);
        }
        if (availability.skip()) {
            return unavailable();
        }
        return redis.hasKey(RevokedSessionKeys.keyFor(sessionId))
                .doOnNext(found -> availability.succeeded())
                .onErrorResume(failure -> {
                    availability.failed(failure);
                    return unavailable();
                });
    }

    private Mono<Boolean> unavailable() {
        // A plain JwtException (not a BadJwtException) becomes an AuthenticationServiceException: 503, not 401.
        return failOpen ? Mono.just(false) : Mono.error(new JwtException("The session denylist is unavailable"));
    }
}
