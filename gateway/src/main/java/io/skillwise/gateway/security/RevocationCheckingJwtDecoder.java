package io.skillwise.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Validates a token with the delegate (signature, issuer, audience, expiry), then refuses it if its session
 * was ended by a logout ({@link RevokedSessions}): Keycloak cannot withdraw an access token it has issued, so
 * without this a token would keep working for the rest of its lifetime after the user logged out.
 */
final class RevocationCheckingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final RevokedSessions revokedSessions;

    RevocationCheckingJwtDecoder(ReactiveJwtDecoder delegate, RevokedSessions revokedSessions) {
        this.delegate = delegate;
        this.revokedSessions = revokedSessions;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return delegate.decode(token)
                // "Could not obtain the keys": the provider is unreachable and nothing is cached. That is the
                // gateway's problem, not the caller's: a plain JwtException is answered 503, not 401.
                .onErrorMap(IllegalStateException.class,
                        failure -> new JwtException("The signing keys are unavailable", failure))
                .flatMap(jwt -> revokedSessions.isRevoked(jwt.getClaimAsString(RevokedSessionKeys.SESSION_CLAIM))
                        .flatMap(revoked -> revoked ? Mono.error(new RevokedSessionException()) : Mono.just(jwt)));
    }
}
