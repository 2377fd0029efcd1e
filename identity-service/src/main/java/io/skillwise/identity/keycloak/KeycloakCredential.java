package io.skillwise.identity.keycloak;

/** A credential stored in Keycloak: its id and type ({@code password}, {@code otp}). */
public record KeycloakCredential(String id, String type) {

    public boolean isOtp() {
        return "otp".equals(type);
    }
}
