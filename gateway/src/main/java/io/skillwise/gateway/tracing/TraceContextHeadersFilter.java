package io.skillwise.gateway.tracing;

import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sends the gateway's own span downstream as the parent of the service's ({@code traceparent}, W3C), in place of
 * whatever the caller sent: the trace id stays the caller's when there was one, and the sampling decision is the
 * gateway's (see {@link TracingConfiguration}).
 * <p>
 * The span is the one of the request's {@code http.server.requests} observation, which WebFlux keeps on the exchange;
 * Spring Cloud Gateway's own observability (a second observation and span per proxied call) stays off, and no Reactor
 * context is consulted.
 */
@Component
public class TraceContextHeadersFilter implements HttpHeadersFilter, Ordered {

    private final Propagator propagator;
    /** Every header a caller may have sent a trace context in (W3C, B3): the gateway's span replaces them all. */
    private final List<String> fields;

    public TraceContextHeadersFilter(Propagator propagator) {
        this.propagator = propagator;
        this.fields = List.copyOf(propagator.fields());
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Span span = spanOf(exchange);
        if (span == null) {
            return input;
        }
        try {
            propagate(span, input);
            return input;
        } catch (UnsupportedOperationException readOnly) {
            HttpHeaders copy = new HttpHeaders();
            copy.putAll(input);
            propagate(span, copy);
            return copy;
        }
    }

    private void propagate(Span span, HttpHeaders headers) {
        fields.forEach(headers::remove);
        propagator.inject(span.context(), headers, HttpHeaders::set);
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    /** After ProxyHeadersFilter, which copies the caller's headers. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }

    /** The span of this request, or {@code null} when nothing observes it. */
    static Span spanOf(ServerWebExchange exchange) {
        ServerRequestObservationContext context =
                ServerRequestObservationContext.findCurrent(exchange.getAttributes()).orElse(null);
        if (context == null) {
            return null;
        }
        TracingObservationHandler.TracingContext tracing = context.get(TracingObservationHandler.TracingContext.class);
        return tracing == null ? null : tracing.getSpan();
    }
}
