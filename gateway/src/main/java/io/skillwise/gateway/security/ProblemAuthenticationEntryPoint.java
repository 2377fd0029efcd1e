package io.skillwise.gateway.security;

import java.util.Map;

import io.skillwise.gateway.problem.ProblemWriter;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/**
 * 401 as a problem, with the RFC 6750 challenge. The detail says whether a token was missing, refused or
 * revoked, and no more: why a signature or claim check failed is of use only to someone forging tokens.
 */
final class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ProblemWriter problems;

    ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        String detail;
        String challenge;
        if (causedByRevocation(failure)) {
            detail = "The session of this access token has ended; sign in again";
            challenge = "Bearer error=\"invalid_token\", error_description=\"session ended\"";
        } else if (failure instanceof OAuth2AuthenticationException) {
            detail = "The access token is invalid or has expired";
            challenge = "Bearer error=\"invalid_token\"";
        } else {
            detail = "This API requires a valid access token";
            challenge = "Bearer";
        }
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, detail,
                Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge));
    }

    private static boolean causedByRevocation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RevokedSessionException) {
                return true;
            }
        }
        return false;
    }
}
