package io.skillwise.gateway.web;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Request-Id}: the caller's, when it is one well-formed value, otherwise a new
 * UUID. The id goes downstream ({@link RequestIdHeadersFilter}), back to the caller and into every problem the
 * gateway writes. First in the chain so even a request the firewall rejects carries one.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";

    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";
    private static final int MAX_LENGTH = 128;

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> offered = exchange.getRequest().getHeaders().getOrEmpty(HEADER);
        String id = offered.size() == 1 && isWellFormed(offered.getFirst()) ? offered.getFirst() : newId();
        exchange.getAttributes().put(ATTRIBUTE, id);
        // Downstream copies of the header are dropped (ProxyHeadersFilter), so this one is the answer.
        exchange.getResponse().getHeaders().set(HEADER, id);
        // The request itself is not mutated (that would copy every header of every request): the id is written
        // into the headers sent downstream by RequestIdHeadersFilter.
        return chain.filter(exchange);
    }

    /** The request id of this exchange, or {@code null} before this filter ran. */
    public static String requestIdOf(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    /**
     * Letters, digits and {@code - _ . :}, at most 128 characters: enough for UUIDs, W3C trace ids and most
     * load balancers' ids, and nothing that could smuggle a header or log line.
     */
    static boolean isWellFormed(String value) {
        int length = value.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * A random (version 4) UUID from {@link ThreadLocalRandom}: request ids need to be unique, not
     * unpredictable, and {@link UUID#randomUUID()} would serialise every request on one SecureRandom.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
