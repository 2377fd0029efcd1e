package io.skillwise.kit.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens come from and whom they must be for. Services validate every token themselves (issuer, signature
 * through the JWKS, expiry, audience): the network behind the gateway is not trusted.
 */
@ConfigurationProperties("skillwise.security")
public record SecurityProperties(String issuer, String jwkSetUri, String audience) {
}
