package io.skillwise.kit.security;

import io.skillwise.kit.security.testapp.SecurityTestApplication;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

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
        assertThat(ApiClient.root(managementPort).get("/actuator/prometheus").assertStatus(200).text())
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void theServicePortStillRefusesAnonymousCallers() {
        assertThat(ApiClient.root(port).get("/actuator/prometheus").status()).isEqualTo(401);
    }
}
