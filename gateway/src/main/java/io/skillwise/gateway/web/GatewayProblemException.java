package io.skillwise.gateway.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * Thrown by the gateway's own filters to end a request with a problem response; rendered by
 * {@link io.skillwise.gateway.problem.ProblemWebExceptionHandler}. It carries no stack trace: these are expected outcomes (a request over
 * its rate limit, a body too large), thrown often, and a stack trace would only cost time.
 */
public final class GatewayProblemException extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, String> headers;

    public GatewayProblemException(HttpStatus status, String detail) {
        this(status, detail, Map.of());
    }

    public GatewayProblemException(HttpStatus status, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public HttpStatus status() {
        return status;
    }

    /** Extra response headers, such as {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }
}
