package io.skillwise.kit.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.skillwise.kit.security.testapp.SecurityTestApplication;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /actuator/prometheus} on the service's own port: for other services' tokens, never for users or anyone. */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, mongo = true, tokens = true)
class MetricsAccessIT {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void metricsAreReadWithAServiceTokenOnly() {
        ApiClient service = ApiClient.root(port);
        assertThat(service.as(TestUser.service("notification-service")).get("/actuator/prometheus").assertStatus(200)
                .text()).contains("jvm_memory_used_bytes");

        service.get("/actuator/prometheus").assertProblem(401);
        service.as(TestUser.admin()).get("/actuator/prometheus").assertProblem(403);
    }

    /**
     * Every request is timed per route for the dashboards and the latency alert; Spring Security's own observations
     * (a timer and span per filter chain, authentication and authorization) are off, since nothing reads them.
     */
    @Test
    void requestsAreTimedPerRouteWithoutSecurityObservations() {
        ApiClient service = ApiClient.root(port);
        service.as(TestUser.student()).get("/api/v1/notes").assertStatus(200);
        service.get("/api/v1/notes").assertProblem(401);

        String metrics = service.as(TestUser.service("notification-service")).get("/actuator/prometheus")
                .assertStatus(200).text();
        // the timer is stopped once the answer has gone out, so it may lag the client by a moment
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(meters.find("http.server.requests")
                .tag("uri", "/api/v1/notes").tag("status", "200").timer())
                .as("the timer of the route's successful requests").isNotNull()
                .satisfies(timer -> assertThat(timer.count()).isPositive()));
        assertThat(metrics).contains("http_server_requests_seconds_bucket{").doesNotContain("spring_security_");
    }

    @Test
    void healthStaysOpenForProbes() {
        ApiClient.root(port).get("/actuator/health/liveness").assertStatus(200);
    }
}
