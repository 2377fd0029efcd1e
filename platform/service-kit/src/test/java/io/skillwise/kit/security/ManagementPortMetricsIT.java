package io.skillwise.kit.security;

import io.skillwise.kit.security.testapp.SecurityTestApplication;
import io.skillwise.testsupport.ApiCalls;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.URI;
import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code management.server.port} set, actuator answers on a port of its own that only the monitoring network
 * reaches: Prometheus scrapes it without a token.
 */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
@WithInfrastructure(postgres = true, kafka = true, mongo = true, tokens = true)
class ManagementPortMetricsIT {

    @Value("${local.management.port}")
    int managementPort;

    @Value("${local.server.port}")
    int port;

    @Test
    void prometheusScrapesTheManagementPortWithoutAToken() {
        ApiResponse scraped = ApiCalls.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                + "/actuator/prometheus")).GET());

        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.html()).contains("jvm_memory_used_bytes");
    }

    @Test
    void theServicePortStillRefusesAnonymousCallers() {
        assertThat(ApiCalls.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/prometheus")).GET()).status()).isEqualTo(401);
    }
}
