package io.skillwise.gateway.resilience;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Resilience4j registries behind Spring Cloud CircuitBreaker, built here from
 * {@link ResilienceProperties}. (resilience4j-spring-boot3 is excluded from the build: its 2.4 release refuses to
 * start on Spring Boot 4, and these two registries are all the gateway needs from it.)
 * <p>
 * Only signs of an absent or stuck service count as failures: connection errors and timeouts. A 4xx/5xx
 * answer is a service that is up, and the gateway's own refusals (413 of a streamed body) are the caller's.
 * No retries anywhere: the gateway cannot tell whether a POST reached the service before the connection broke.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ResilienceConfiguration.class);

    @Bean
    CircuitBreakerRegistry circuitBreakerRegistry(ResilienceProperties properties) {
        ResilienceProperties.CircuitBreaker breaker = properties.circuitBreaker();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.openStateWait())
                .permittedNumberOfCallsInHalfOpenState(breaker.halfOpenCalls())
                .recordException(ResilienceConfiguration::isServiceFailure)
                .build();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(config);
        // State changes are rare and worth an operator's attention; individual failures are not logged.
        registry.getEventPublisher().onEntryAdded(added -> added.getAddedEntry().getEventPublisher()
                .onStateTransition(event -> log.warn("Circuit breaker '{}': {}", event.getCircuitBreakerName(),
                        event.getStateTransition())));
        return registry;
    }

    /**
     * Required by Spring Cloud CircuitBreaker's factory, and unused: its time limiter is switched off
     * ({@code spring.cloud.circuitbreaker.resilience4j.disable-time-limiter}). Each route's time limit is the HTTP
     * client's response timeout instead (RoutingConfiguration): the same limit, without Reactor's {@code timeout}
     * operator naming its source with a regular expression on every request.
     */
    @Bean
    TimeLimiterRegistry timeLimiterRegistry() {
        return TimeLimiterRegistry.ofDefaults();
    }

    static boolean isServiceFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException) {
                return true;
            }
            if (t instanceof ResponseStatusException status && status.getStatusCode().value() == 504) {
                return true;
            }
        }
        return false;
    }
}
