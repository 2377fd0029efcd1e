package io.skillwise.gateway.web;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Sets the browser-facing security headers on every response, the proxied ones included. They are written
 * just before the response commits and replace what a service sent, so a response never carries two
 * different values. (Spring Security's own header writers are switched off: they skip a header that is already
 * present, and cannot leave the Swagger UI out of the API's content security policy.)
 */
@Component
public class SecurityHeadersFilter implements WebFilter, Ordered {

    /** Nothing may load or frame an API response. */
    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    static final String HSTS = "max-age=31536000; includeSubDomains";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        boolean apiContent = !servesPage(request.getPath().value());
        // HSTS means something only on a response that itself came over TLS (RFC 6797 section 7.2).
        boolean https = request.getSslInfo() != null || "https".equalsIgnoreCase(request.getURI().getScheme());
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            if (apiContent && !headers.containsHeader("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
            }
            if (https) {
                headers.set("Strict-Transport-Security", HSTS);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /**
     * The Swagger UI and the local payment page are HTML with scripts and styles: the API's "nothing may load"
     * policy would blank them. The payment service may send a policy of its own for its page.
     */
    static boolean servesPage(String path) {
        return path.startsWith("/swagger-ui") || path.startsWith("/webjars/")
                || path.startsWith("/api/v1/payments/local-checkout");
    }
}
