package io.skillwise.gateway.security;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The security chain of the most frequent request there is: a GET (or HEAD) without an {@code Authorization}
 * header of a path anyone may read ({@link PublicEndpoints}), such as the course catalogue. There is nothing to
 * authenticate and nothing to authorize, so of Spring Security's chain only CORS is left; the strict firewall still
 * checks the request first, as it checks every request. Any request that carries a token, or that is not such a
 * read, goes through the full chain ({@link SecurityConfiguration#gatewaySecurity}), where a token sent to a public
 * path is still validated.
 * <p>
 * The full chain answers these requests exactly as this one does (permitted, anonymous); it only spends about a
 * tenth of the gateway's CPU per request on an authentication converter, an anonymous token, the security context in
 * the Reactor context, and an authorization manager that tries each public pattern in turn.
 */
final class AnonymousPublicRequests implements SecurityWebFilterChain {

    private static final Mono<Boolean> YES = Mono.just(Boolean.TRUE);
    private static final Mono<Boolean> NO = Mono.just(Boolean.FALSE);

    private final List<PathPattern> publicReads;
    private final Flux<WebFilter> filters;

    AnonymousPublicRequests(CorsChecks cors) {
        List<PathPattern> patterns = new ArrayList<>();
        for (PublicEndpoints.Rule rule : PublicEndpoints.RULES) {
            if (rule.method() == HttpMethod.GET) {
                // The same parser as Spring Security's path matchers, so both chains read a pattern alike.
                rule.paths().forEach(path -> patterns.add(PathPatternParser.defaultInstance.parse(path)));
            }
        }
        this.publicReads = List.copyOf(patterns);
        this.filters = Flux.just(cors);
    }

    @Override
    public Mono<Boolean> matches(ServerWebExchange exchange) {
        return isAnonymousPublicRead(exchange.getRequest()) ? YES : NO;
    }

    boolean isAnonymousPublicRead(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD)
                || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return false;
        }
        PathContainer path = request.getPath().pathWithinApplication();
        for (PathPattern pattern : publicReads) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Flux<WebFilter> getWebFilters() {
        return filters;
    }
}
