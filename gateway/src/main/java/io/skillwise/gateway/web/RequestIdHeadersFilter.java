package io.skillwise.gateway.web;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Puts this request's id ({@link RequestIdFilter}) into the headers sent to the service, replacing whatever
 * the caller sent. Runs last among the gateway's request header filters, on the copy they have already made.
 */
@Component
public class RequestIdHeadersFilter implements HttpHeadersFilter, Ordered {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        String id = RequestIdFilter.requestIdOf(exchange);
        if (id == null) {
            return input;
        }
        try {
            input.set(RequestIdFilter.HEADER, id);
            return input;
        } catch (UnsupportedOperationException readOnly) {
            HttpHeaders copy = new HttpHeaders();
            copy.putAll(input);
            copy.set(RequestIdFilter.HEADER, id);
            return copy;
        }
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
