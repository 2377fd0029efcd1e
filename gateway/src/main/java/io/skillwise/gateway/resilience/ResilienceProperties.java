package io.skillwise.gateway.resilience;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code skillwise.gateway.resilience.*}: time limits and circuit breakers, one breaker per service.
 *
 * @param responseTimeout how long a service may take to start answering (headers), per request
 * @param uploadTimeout the same for the upload routes (avatar, lesson assets), which stream a large body first
 * @param circuitBreaker when a service's breaker opens
 */
@ConfigurationProperties("skillwise.gateway.resilience")
public record ResilienceProperties(Duration responseTimeout, Duration uploadTimeout, CircuitBreaker circuitBreaker) {

    public ResilienceProperties {
        Objects.requireNonNull(responseTimeout, "skillwise.gateway.resilience.response-timeout is required");
        Objects.requireNonNull(uploadTimeout, "skillwise.gateway.resilience.upload-timeout is required");
        Objects.requireNonNull(circuitBreaker, "skillwise.gateway.resilience.circuit-breaker.* is required");
    }

    /**
     * @param slidingWindowSize the last N calls the failure rate is computed over
     * @param minimumCalls calls needed before the rate counts at all
     * @param failureRateThreshold percentage of failed calls that opens the breaker
     * @param openStateWait how long an open breaker answers 503 without trying
     * @param halfOpenCalls trial calls allowed once that wait is over
     */
    public record CircuitBreaker(int slidingWindowSize, int minimumCalls, float failureRateThreshold,
            Duration openStateWait, int halfOpenCalls) {
    }
}
