package io.skillwise.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.skillwise.identity.support.ApiTestBase;
import io.skillwise.testsupport.ApiResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The SMTP server is down: a registration is refused as a whole, and nothing of it remains anywhere. */
class RegistrationWithoutMailIT extends ApiTestBase {

    @DynamicPropertySource
    static void smtpThatIsDown(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> closedPort);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 2000);
    }

    @Test
    void registrationAnswers503AndLeavesNoAccountInKeycloakOrInIdentity() {
        String email = freshEmail("nomail");

        ApiResponse refused = register(email, "Secret-12345678", "No Mail", null);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.text("type")).endsWith("mail-unavailable");
        assertThat(login(email, "Secret-12345678", null).status())
                .as("the Keycloak user was removed again").isEqualTo(401);
        ApiResponse search = api.withToken(adminToken()).get("/admin/users?search=" + email);
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body().path("totalItems").asLong()).as(search.body().toString()).isZero();
        assertThat(register(email, "Secret-12345678", "No Mail", null).status())
                .as("the same address can try again: nothing was half-created").isEqualTo(503);
    }
}
