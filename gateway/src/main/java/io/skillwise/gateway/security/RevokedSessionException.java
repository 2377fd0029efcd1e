package io.skillwise.gateway.security;

import org.springframework.security.oauth2.jwt.BadJwtException;

/** The token is genuine, but its session was ended by a logout. A {@link BadJwtException}, hence a 401. */
final class RevokedSessionException extends BadJwtException {

    RevokedSessionException() {
        super("The session of this access token has ended");
    }
}
