package io.skillwise.identity.session;

import io.skillwise.kit.security.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.util.Collection;

/**
 * The kit's token validation (signature, issuer, expiry, audience) plus the session denylist: identity writes the
 * denylist, so it also honours it itself, and a logged-out access token is refused here as at the gateway.
 */
@Configuration
class TokenValidationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TokenValidationConfiguration.class);

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties, RevokedSessions revoked) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        JwtClaimValidator<Collection<String>> audience = new JwtClaimValidator<>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(properties.audience()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), audience, notRevoked(revoked)));
        return decoder;
    }

    /**
     * Fails open when Redis is unreachable, like the gateway (revocation-fail-open): Keycloak has ended the session
     * anyway, so the token expires within minutes, and an outage of the denylist must not lock everybody out.
     */
    static OAuth2TokenValidator<Jwt> notRevoked(RevokedSessions revoked) {
        return jwt -> {
            String sessionId = jwt.getClaimAsString("sid");
            if (sessionId == null) {
                return OAuth2TokenValidatorResult.success();
            }
            try {
                return revoked.isRevoked(sessionId)
                        ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The session has ended.", null))
                        : OAuth2TokenValidatorResult.success();
            } catch (DataAccessException e) {
                log.warn("Session denylist unavailable, accepting the token: {}", e.getMessage());
                return OAuth2TokenValidatorResult.success();
            }
        };
    }
}
