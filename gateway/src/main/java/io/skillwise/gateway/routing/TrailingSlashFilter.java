package io.skillwise.gateway.routing;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Accepts {@code /api/v1/auth/register/} as {@code /api/v1/auth/register}: removes one trailing slash before
 * security rules and routes see the path (Spring's path patterns no longer match trailing slashes), and the
 * service receives the normalised path. Runs before Spring Security (order -100).
 */
@Component
public class TrailingSlashFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (path.length() > 1 && path.charAt(path.length() - 1) == '/') {
            String normalised = path.substring(0, path.length() - 1);
            return chain.filter(exchange.mutate().request(r -> r.path(normalised)).build());
        }
        return chain.filter(exchange);
    }
}
