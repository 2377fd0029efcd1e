package io.skillwise.kit.servicetoken;

/** No service token could be had: Keycloak is unreachable, too slow, or refused the client. */
public class ServiceTokenException extends RuntimeException {

    public ServiceTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
