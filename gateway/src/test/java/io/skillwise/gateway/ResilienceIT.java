package io.skillwise.gateway;

import java.time.Duration;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.skillwise.gateway.support.FreePorts;
import io.skillwise.gateway.support.GatewayInfrastructureExtension;
import io.skillwise.gateway.support.GatewayTestInfrastructure;
import io.skillwise.gateway.support.StubService;
import io.skillwise.gateway.support.TestIssuer;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failure of what the gateway depends on: analytics is stopped (nothing listens on its port), promotion
 * answers its {@code /slow} paths too late, and Redis is down altogether.
 */
@ExtendWith(GatewayInfrastructureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "skillwise.gateway.resilience.response-timeout=2s",
        "skillwise.gateway.resilience.circuit-breaker.sliding-window-size=4",
        "skillwise.gateway.resilience.circuit-breaker.minimum-calls=4",
        "skillwise.gateway.resilience.circuit-breaker.open-state-wait=1m",
        "skillwise.gateway.rate-limit.anonymous.capacity=2",
        "skillwise.gateway.rate-limit.anonymous.period=1h"})
@DirtiesContext
class ResilienceIT {

    private static final int STOPPED_ANALYTICS_PORT = FreePorts.next();
    private static final int STOPPED_REDIS_PORT = FreePorts.next();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        GatewayTestInfrastructure.get().register(registry);
        registry.add("skillwise.gateway.services.analytics", () -> "http://127.0.0.1:" + STOPPED_ANALYTICS_PORT);
        registry.add("spring.data.redis.port", () -> STOPPED_REDIS_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    ApiClient client;
    TestIssuer issuer;

    @BeforeEach
    void setUp() {
        client = ApiClient.root(port);
        issuer = GatewayTestInfrastructure.get().issuer();
    }

    @Test
    void stoppedServiceAnswers503FastThenItsBreakerOpens() {
        String token = issuer.forSubject("instructor-1", "instructor");

        for (int i = 0; i < 4; i++) {
            ApiResponse reply = client.withToken(token).get("/api/v1/instructors/dashboard");
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(reply.body().get("detail").asString()).isEqualTo("analytics is unavailable");
            // 503 "unavailable" (connection refused), not the time limit's 504: the gateway did not wait it out
        }
        assertThat(circuitBreakers.circuitBreaker("analytics").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        ApiResponse whileOpen = client.withToken(issuer.admin()).get("/api/v1/admin/analytics");
        assertThat(whileOpen.status()).isEqualTo(503);
        assertThat(whileOpen.body().get("detail").asString()).isEqualTo("analytics is unavailable");
        assertThat(whileOpen.header("Retry-After")).isNotBlank();
        // Other services are not affected by analytics' breaker.
        assertThat(client.withToken(token).get("/api/v1/enrollments").status()).isEqualTo(200);
    }

    @Test
    void slowServiceIsCutOffAtTheTimeLimitAndAPostIsNotRetried() {
        StubService promotion = GatewayTestInfrastructure.get().service("promotion");
        String path = "/api/v1/promotions/campaigns/" + UUID.randomUUID() + "/slow";

        ApiResponse reply = client.withToken(issuer.admin()).post(path, "{}");

        assertThat(reply.status()).isEqualTo(504);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(reply.body().get("detail").asString()).isEqualTo("promotion did not answer in time");
        assertThat(reply.elapsed()).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(8));
        assertThat(promotion.received().stream().filter(r -> r.path().equals(path)).count()).isEqualTo(1);
    }

    @Test
    void withRedisDownRequestsPassUnlimitedAndTheGatewayStaysInTheLoadBalancer() {
        for (int i = 0; i < 5; i++) {
            assertThat(client.get("/api/v1/courses").status()).isEqualTo(200);
        }
        // The denylist cannot be read either: the token is accepted (fail open) rather than every user refused.
        assertThat(client.withToken(issuer.withSession("some-session")).get("/api/v1/enrollments").status())
                .isEqualTo(200);
        assertThat(client.get("/actuator/health/liveness").body().get("status").asString()).isEqualTo("UP");
        assertThat(client.get("/actuator/health/readiness").status())
                .as("a shared Redis outage must not take every replica out of service").isEqualTo(200);
        ApiResponse health = client.get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body().get("status").asString()).as("monitoring still sees it").isEqualTo("DOWN");
    }
}
