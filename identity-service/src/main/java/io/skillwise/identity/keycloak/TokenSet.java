package io.skillwise.identity.keycloak;

/** Tokens from Keycloak's token endpoint, as the apps receive them. */
public record TokenSet(String accessToken, String refreshToken, long expiresIn, long refreshExpiresIn) {
}
