package io.skillwise.gateway.tracing;

import io.micrometer.tracing.Span;
import org.slf4j.MDC;

import org.springframework.web.server.ServerWebExchange;

/**
 * Puts a request's ids into the logging context while the gateway logs about that request: {@code requestId}, and
 * {@code traceId} and {@code spanId} of its span, under the same names as the services' log lines, so one search
 * finds a request in every log. Opened around a log call, not for the whole request: a reactive request hops
 * between threads, and carrying the context along would cost every request what only the rare logged one needs.
 */
public final class LogCorrelation implements AutoCloseable {

    static final String REQUEST_ID = "requestId";
    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";

    private LogCorrelation() {
    }

    /** For a try-with-resources around the log call. */
    public static LogCorrelation of(ServerWebExchange exchange, String requestId) {
        put(REQUEST_ID, requestId);
        Span span = TraceContextHeadersFilter.spanOf(exchange);
        if (span != null) {
            put(TRACE_ID, span.context().traceId());
            put(SPAN_ID, span.context().spanId());
        }
        return new LogCorrelation();
    }

    private static void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }

    @Override
    public void close() {
        MDC.remove(REQUEST_ID);
        MDC.remove(TRACE_ID);
        MDC.remove(SPAN_ID);
    }
}
