package io.skillwise.gateway.resilience;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.skillwise.gateway.routing.ServiceRoutes;
import io.skillwise.gateway.routing.ServiceRoutes.ServiceRoute;
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

    @Bean
    TimeLimiterRegistry timeLimiterRegistry(ResilienceProperties properties) {
        TimeLimiterRegistry registry = TimeLimiterRegistry.of(timeLimit(properties.responseTimeout()));
        TimeLimiterConfig uploads = timeLimit(properties.uploadTimeout());
        for (ServiceRoute route : ServiceRoutes.ORDERED) {
            if (route.upload()) {
                registry.addConfiguration(route.circuitBreakerName(), uploads);
            }
        }
        return registry;
    }

    private static TimeLimiterConfig timeLimit(Duration timeout) {
        return TimeLimiterConfig.custom().timeoutDuration(timeout).cancelRunningFuture(true).build();
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
