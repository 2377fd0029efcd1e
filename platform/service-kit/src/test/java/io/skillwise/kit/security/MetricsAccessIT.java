package io.skillwise.kit.security;

import io.skillwise.kit.security.testapp.SecurityTestApplication;
import io.skillwise.testsupport.ApiCalls;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestTokens;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /actuator/prometheus} on the service's own port: for other services' tokens, never for users or anyone. */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, mongo = true, tokens = true)
class MetricsAccessIT {

    @LocalServerPort
    int port;

    @Test
    void metricsAreReadWithAServiceTokenOnly() {
        ApiResponse service = prometheus(TestTokens.shared().tokenFor(TestUser.service("notification-service")));
        assertThat(service.status()).isEqualTo(200);
        assertThat(service.html()).contains("jvm_memory_used_bytes");

        assertThat(prometheus(null).status()).as("anonymous").isEqualTo(401);
        assertThat(prometheus(TestTokens.shared().tokenFor(TestUser.admin())).status()).as("a user, even an admin")
                .isEqualTo(403);
    }

    @Test
    void healthStaysOpenForProbes() {
        assertThat(ApiCalls.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/health/liveness")).GET()).status()).isEqualTo(200);
    }

    private ApiResponse prometheus(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/prometheus")).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return ApiCalls.send(request);
    }
}
