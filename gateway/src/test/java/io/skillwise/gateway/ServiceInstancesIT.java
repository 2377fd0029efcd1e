package io.skillwise.gateway;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import io.skillwise.gateway.support.GatewayInfrastructureExtension;
import io.skillwise.gateway.support.GatewayTestInfrastructure;
import io.skillwise.gateway.support.StubService;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service configured with two instances ({@code skillwise.gateway.services.catalog} a list): the gateway spreads
 * requests over both, and once one instance is gone it sends every request to the other, without failures
 * tripping the service's circuit breaker.
 */
@ExtendWith(GatewayInfrastructureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.loadbalancer.health-check.interval=500ms",
        "skillwise.gateway.rate-limit.anonymous.capacity=100000"})
@DirtiesContext
class ServiceInstancesIT {

    private static final StubService FIRST = new StubService("catalog-1");
    private static final StubService SECOND = new StubService("catalog-2");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        GatewayTestInfrastructure.get().register(registry);
        registry.add("skillwise.gateway.services.catalog", () -> FIRST.baseUrl() + "," + SECOND.baseUrl());
    }

    @AfterAll
    static void stopStubs() {
        FIRST.close();
        SECOND.close();
    }

    @LocalServerPort
    int port;

    @Test
    void requestsAreSpreadOverBothInstancesAndAStoppedOneIsLeftOut() {
        ApiClient client = ApiClient.root(port);
        Set<String> answeredBy = new HashSet<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            answeredBy.add(client.get("/api/v1/courses").assertStatus(200).text("service"));
            assertThat(answeredBy).containsExactlyInAnyOrder("catalog-1", "catalog-2");
        });

        SECOND.close();
        // within a health-check interval the stopped instance is out of the rotation
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int i = 0; i < 4; i++) {
                assertThat(client.get("/api/v1/courses").status()).isEqualTo(200);
            }
        });
        for (int i = 0; i < 20; i++) {
            ApiResponse reply = client.get("/api/v1/courses/" + i);
            assertThat(reply.status()).as("request %d after the second instance stopped", i).isEqualTo(200);
            assertThat(reply.text("service")).isEqualTo("catalog-1");
        }
    }
}
