package io.skillwise.kit.web;

import org.springframework.http.HttpStatus;

import java.time.Duration;

/** A limit the caller has reached: 429, with {@code Retry-After} in whole seconds (at least one). */
public class TooManyRequestsException extends ApiException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", message);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, never below one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
