package io.skillwise.gateway.routing;

import io.skillwise.gateway.web.RequestIdFilter;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Drops the response headers the gateway answers for itself (CORS and {@code X-Request-Id}) from what a
 * service returns. The gateway sets them before routing; a service's copy would be added next to them, and a
 * browser refuses a response with two {@code Access-Control-Allow-Origin} values.
 */
@Component
public class DownstreamResponseHeadersFilter implements HttpHeadersFilter {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        boolean any = false;
        for (String name : input.headerNames()) {
            if (ownedByGateway(name)) {
                any = true;
                break;
            }
        }
        if (!any) {
            return input;
        }
        HttpHeaders kept = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!ownedByGateway(name)) {
                kept.addAll(name, values);
            }
        });
        return kept;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.RESPONSE;
    }

    private static boolean ownedByGateway(String name) {
        return name.regionMatches(true, 0, "Access-Control-", 0, 15)
                || name.equalsIgnoreCase(RequestIdFilter.HEADER);
    }
}
