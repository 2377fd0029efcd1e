package io.skillwise.payment.promotion;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.skillwise.kit.servicetoken.ServiceTokenClient;
import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.ClientAddress;
import io.skillwise.kit.web.TooManyRequestsException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one synchronous call payment-service makes: {@code POST /internal/promotions/quote} on promotion-service,
 * with the service's client-credentials token (the kit's {@link ServiceTokenClient}). Explicit connect and read
 * timeouts bound each request; a Resilience4j time limiter bounds the whole call, token included, and a circuit
 * breaker stops calling a promotion-service that keeps failing; either way the checkout gets
 * {@code 503 promotions-unavailable} at once.
 * A 404, 400 or 429 is an answer, not a failure: it passes through (429 with its {@code Retry-After}) and does not
 * count against the breaker. The buyer's address, which the gateway passed in {@link ClientAddress#HEADER}, goes along
 * for promotion-service's limit on code guessing.
 * (Resilience4j's Spring Boot starter refuses Boot 4, so the two core modules are wired here, like the gateway's.)
 */
@Component
@EnableConfigurationProperties(PromotionsProperties.class)
public class PromotionsClient implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PromotionsClient.class);

    private final PromotionsProperties properties;
    private final ServiceTokenClient tokens;
    private final JsonMapper json;
    private final HttpClient http;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final CircuitBreaker breaker;
    private final TimeLimiter limiter;
    /**
     * promotion-service answered, and the answer is no (unknown course or bundle, malformed request, or too many codes
     * that cannot be used tried by this buyer or from this address).
     */
    static final class QuoteRefused extends RuntimeException {
        final int status;
        final Duration retryAfter;

        QuoteRefused(int status, String detail, Duration retryAfter) {
            super(detail);
            this.status = status;
            this.retryAfter = retryAfter;
        }

        ApiException toApiException() {
            return switch (status) {
                case 404 -> ApiException.notFound(getMessage());
                case 429 -> new TooManyRequestsException(getMessage(), retryAfter);
                default -> ApiException.badRequest(getMessage());
            };
        }
    }

    PromotionsClient(PromotionsProperties properties, ServiceTokenClient tokens, JsonMapper json) {
        this.properties = properties;
        this.tokens = tokens;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).executor(calls).build();
        this.breaker = CircuitBreaker.of("promotion-quote", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.breakerWindow())
                .minimumNumberOfCalls(properties.breakerMinimumCalls())
                .failureRateThreshold(properties.breakerFailurePercent())
                .waitDurationInOpenState(properties.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .ignoreExceptions(QuoteRefused.class)
                .build());
        breaker.getEventPublisher().onStateTransition(event ->
                log.warn("promotion-service circuit breaker: {}", event.getStateTransition()));
        this.limiter = TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(properties.timeout())
                .cancelRunningFuture(true).build());
    }

    /** The breaker's state, for tests and health reporting. */
    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    /**
     * @throws ApiException 503 {@code promotions-unavailable} when promotion-service is slow, down or its breaker
     *                      open; 404 / 400 as promotion-service answered them
     */
    public Quote quote(Quote.Request request) {
        // the buyer's address, as the gateway gave it, for promotion-service's per-address guessing limit
        String clientAddress = ClientAddress.current();
        try {
            return breaker.executeCallable(() -> limiter.executeFutureSupplier(
                    () -> CompletableFuture.supplyAsync(() -> call(request, clientAddress), calls)));
        } catch (QuoteRefused refused) {
            throw refused.toApiException();
        } catch (CallNotPermittedException open) {
            throw unavailable();
        } catch (Exception failure) {
            if (failure.getCause() instanceof QuoteRefused refused) {
                throw refused.toApiException();
            }
            log.warn("promotion-service quote failed: {}", failure.toString());
            throw unavailable();
        }
    }

    private static ApiException unavailable() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "promotions-unavailable",
                "promotions are unavailable: coupon, referral and bundle checkouts cannot be priced right now; "
                        + "try again shortly (a single course without a code can be bought now)");
    }

    private Quote call(Quote.Request request, String clientAddress) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("buyerId", request.buyerId());
        if (request.courseId() != null) {
            body.put("courseId", request.courseId());
        }
        if (request.bundleId() != null) {
            body.put("bundleId", request.bundleId());
        }
        if (request.couponCode() != null) {
            body.put("couponCode", request.couponCode());
        }
        if (request.referralCode() != null) {
            body.put("referralCode", request.referralCode());
        }
        String token = tokens.token();
        HttpRequest.Builder quote = HttpRequest.newBuilder(URI.create(properties.url() + "/internal/promotions/quote"))
                .timeout(properties.readTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (clientAddress != null) {
            quote.header(ClientAddress.HEADER, clientAddress);
        }
        HttpResponse<String> response = send(quote.build());
        int status = response.statusCode();
        if (status == 200) {
            return json.readValue(response.body(), Quote.class);
        }
        if (status == 404 || status == 400) {
            throw new QuoteRefused(status, detail(response.body(), status == 404 ? "course or bundle"
                    : "the quote request was refused"), Duration.ZERO);
        }
        if (status == 429) {
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(60);
            throw new QuoteRefused(status, detail(response.body(), "too many codes that cannot be used were tried"),
                    Duration.ofSeconds(seconds));
        }
        if (status == 401) {
            tokens.rejected(token);   // revoked or expired early: the next call fetches a new one
        }
        throw new IllegalStateException("promotion-service answered " + status);
    }

    private String detail(String body, String fallback) {
        try {
            JsonNode problem = json.readTree(body);
            return problem.path("detail").isString() ? problem.path("detail").asString() : fallback;
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }
}
