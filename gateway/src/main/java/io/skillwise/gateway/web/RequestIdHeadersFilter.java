package io.skillwise.gateway.web;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Puts this request's id ({@link RequestIdFilter}) and the caller's address ({@link ClientAddress#HEADER}) into the
 * headers sent to the service, replacing whatever the caller sent under those names. Runs last among the gateway's
 * request header filters, on the copy they have already made.
 */
@Component
public class RequestIdHeadersFilter implements HttpHeadersFilter, Ordered {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        String id = RequestIdFilter.requestIdOf(exchange);
        String client = ClientAddress.of(exchange.getRequest());
        try {
            return withOwnHeaders(input, id, client);
        } catch (UnsupportedOperationException readOnly) {
            HttpHeaders copy = new HttpHeaders();
            copy.putAll(input);
            return withOwnHeaders(copy, id, client);
        }
    }

    private static HttpHeaders withOwnHeaders(HttpHeaders headers, String id, String client) {
        if (id != null) {
            headers.set(RequestIdFilter.HEADER, id);
        }
        headers.set(ClientAddress.HEADER, client);
        return headers;
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
