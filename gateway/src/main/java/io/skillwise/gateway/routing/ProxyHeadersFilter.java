package io.skillwise.gateway.routing;

import java.util.ArrayList;
import java.util.List;

import io.skillwise.gateway.web.RequestIdFilter;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers that cross the proxy, in one pass each way; it takes the place of Spring Cloud Gateway's default
 * header filters ({@link WithoutDefaultHeaderFilters} leaves those out), which copied the request's headers three times
 * (hop-by-hop headers, {@code X-Forwarded-*}, {@code Forwarded}) and the response's once more.
 * <p>
 * To the service: every header of the caller but the hop-by-hop ones (RFC 9110 section 7.6.1: the fixed list below
 * and every header the {@code Connection} header names) and, unless trusted proxies are configured (then Spring Cloud
 * Gateway's own filters write them), any {@code X-Forwarded-*} or {@code Forwarded} header: a caller cannot pose as a
 * proxy. {@code Content-Length} is dropped when the body has a transfer coding (RFC 9112 section 6.3: the coding, not
 * the length, frames such a body), so the service never sees both. The request id,
 * the client address and the trace context are set afterwards by their own filters, into this copy.
 * <p>
 * To the caller: every header of the service but the hop-by-hop ones and those the gateway answers for itself (CORS
 * and {@code X-Request-Id}, set before routing: a second {@code Access-Control-Allow-Origin} would make a browser
 * refuse the answer). Those are removed from the headers Spring Cloud Gateway made of the answer, without a copy.
 * <p>
 * Spring Cloud Gateway does not tell a filter which way its headers go, so there is one instance for each way
 * ({@link RoutingConfiguration}).
 */
final class ProxyHeadersFilter implements HttpHeadersFilter, Ordered {

    /** Spring Cloud Gateway's list (its {@code RemoveHopByHopHeadersFilter}), compared ignoring case. */
    static final List<String> HOP_BY_HOP = List.of("Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer",
            "Proxy-Authorization", "Proxy-Authenticate", "X-Application-Context", "Upgrade");

    private static final String X_FORWARDED_PREFIX = "X-Forwarded-";
    private static final String FORWARDED = "Forwarded";
    private static final String CORS_PREFIX = "Access-Control-";

    private final Type direction;
    private final boolean stripXForwarded;
    private final boolean stripForwarded;

    /**
     * @param direction {@link Type#REQUEST} for the headers sent to the service, {@link Type#RESPONSE} for the answer
     * @param stripXForwarded drop a caller's {@code X-Forwarded-*} headers (no trusted proxies)
     * @param stripForwarded drop a caller's {@code Forwarded} header (no trusted proxies)
     */
    ProxyHeadersFilter(Type direction, boolean stripXForwarded, boolean stripForwarded) {
        this.direction = direction;
        this.stripXForwarded = stripXForwarded;
        this.stripForwarded = stripForwarded;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        return direction == Type.REQUEST ? toService(input) : toCaller(input);
    }

    @Override
    public boolean supports(Type type) {
        return type == direction;
    }

    /** After Spring Cloud Gateway's forwarded-header filters (order 0, with trusted proxies only), before ours. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    HttpHeaders toService(HttpHeaders input) {
        List<String> named = input.getConnection();
        boolean coded = input.getFirst(HttpHeaders.TRANSFER_ENCODING) != null;
        HttpHeaders output = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!isHopByHop(name, named) && !isForwarded(name)
                    && !(coded && name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH))) {
                output.addAll(name, values);
            }
        });
        return output;
    }

    HttpHeaders toCaller(HttpHeaders input) {
        List<String> named = input.getConnection();
        List<String> dropped = new ArrayList<>(2);
        input.forEach((name, values) -> {
            if (droppedFromResponse(name, named)) {
                dropped.add(name);
            }
        });
        if (dropped.isEmpty()) {
            return input;
        }
        try {
            // Spring Cloud Gateway builds these headers afresh from the service's answer for the filters to change.
            dropped.forEach(input::remove);
            return input;
        } catch (UnsupportedOperationException readOnly) {
            HttpHeaders output = new HttpHeaders();
            input.forEach((name, values) -> {
                if (!droppedFromResponse(name, named)) {
                    output.addAll(name, values);
                }
            });
            return output;
        }
    }

    private boolean isForwarded(String name) {
        return stripXForwarded && name.regionMatches(true, 0, X_FORWARDED_PREFIX, 0, X_FORWARDED_PREFIX.length())
                || stripForwarded && name.equalsIgnoreCase(FORWARDED);
    }

    private static boolean droppedFromResponse(String name, List<String> named) {
        return isHopByHop(name, named)
                || name.regionMatches(true, 0, CORS_PREFIX, 0, CORS_PREFIX.length())
                || name.equalsIgnoreCase(RequestIdFilter.HEADER);
    }

    private static boolean isHopByHop(String name, List<String> named) {
        for (String hop : HOP_BY_HOP) {
            if (hop.equalsIgnoreCase(name)) {
                return true;
            }
        }
        for (String hop : named) {
            if (hop.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
