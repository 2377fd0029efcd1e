package io.skillwise.identity.keycloak;

/**
 * Keycloak answered with an error. {@link #reason()} is Keycloak's own human-readable explanation (e.g. the
 * password policy that failed), fit to show to the caller; {@link #error()} is its machine code.
 */
public class KeycloakException extends RuntimeException {

    private final int status;
    private final String error;
    private final String reason;

    public KeycloakException(int status, String error, String reason) {
        super("Keycloak answered " + status + " " + error + ": " + reason);
        this.status = status;
        this.error = error;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String reason() {
        return reason;
    }

    public boolean isConflict() {
        return status == 409;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    public boolean isBadRequest() {
        return status == 400;
    }
}
