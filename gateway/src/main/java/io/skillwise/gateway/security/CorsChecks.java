package io.skillwise.gateway.security;

import reactor.core.publisher.Mono;

import io.skillwise.gateway.problem.ProblemWriter;

import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * CORS for both security chains, as Spring's {@code CorsWebFilter} does it (same configuration, same processor, a
 * preflight is answered here), except that a refused cross-origin request gets the gateway's 403 problem instead of
 * an empty 403, like every other refusal of the API.
 */
final class CorsChecks implements WebFilter {

    private final CorsConfigurationSource configurations;
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final ProblemWriter problems;

    CorsChecks(CorsConfigurationSource configurations, ProblemWriter problems) {
        this.configurations = configurations;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        CorsConfiguration configuration = configurations.getCorsConfiguration(exchange);
        if (!processor.process(configuration, exchange)) {
            return problems.write(exchange, HttpStatus.FORBIDDEN,
                    "This cross-origin request is not allowed: its origin, method or headers are not among the API's");
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }
}
