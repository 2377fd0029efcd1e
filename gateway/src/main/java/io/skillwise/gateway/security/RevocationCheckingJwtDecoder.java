package io.skillwise.gateway.security;

import io.skillwise.events.identity.RevokedSessionKeys;
import io.skillwise.gateway.web.ConnectionEventLoop;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.server.ServerWebExchange;

/**
 * Validates a token with the delegate (signature, issuer, audience, expiry), then refuses it if its session
 * was ended by a logout ({@link RevokedSessions}): Keycloak cannot withdraw an access token it has issued, so
 * without this a token would keep working for the rest of its lifetime after the user logged out. Spring
 * Security puts the exchange into the Reactor context, which is how the Redis reply finds its way back to the
 * request's event loop ({@link ConnectionEventLoop}).
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
                .flatMap(jwt -> Mono.deferContextual(context -> revokedSessions
                        .isRevoked(jwt.getClaimAsString(RevokedSessionKeys.SESSION_CLAIM))
                        .publishOn(context.<ServerWebExchange>getOrEmpty(ServerWebExchange.class)
                                .map(ConnectionEventLoop::of)
                                .orElse(Schedulers.immediate()))
                        .flatMap(revoked -> revoked ? Mono.error(new RevokedSessionException()) : Mono.just(jwt))));
    }
}
