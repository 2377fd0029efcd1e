package io.skillwise.identity.support;

import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What identity's integration tests share: the service on a random port with its own PostgreSQL database, Kafka,
 * Redis and SMTP sink, pointed at the JVM's one real Keycloak, and helpers that sign people up the way the app does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, redis = true, smtp = true)
public abstract class ApiTestBase {

    public static final String ADMIN_EMAIL = "admin@skillwise.local";
    public static final String ADMIN_PASSWORD = "skillwise-admin";

    @LocalServerPort
    protected int port;

    protected ApiClient api;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        KeycloakForTests.register(registry);
    }

    @BeforeEach
    void connect() {
        api = ApiClient.api(port);
    }

    /** A person who signed up, verified their address and signed in. */
    public record Member(UUID id, String email, String password, String accessToken, String refreshToken) {
    }

    protected static String freshEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    protected ApiResponse register(String email, String password, String displayName, String role) {
        return api.post("/auth/register", role == null
                ? Map.of("email", email, "password", password, "displayName", displayName)
                : Map.of("email", email, "password", password, "displayName", displayName, "role", role));
    }

    protected Member signUp(String prefix) {
        String email = freshEmail(prefix);
        String password = "Secret-" + UUID.randomUUID().toString().substring(0, 8);
        ApiResponse registered = register(email, password, "Test " + prefix, null);
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        String token = Mailbox.token(email, "Confirm", 1);
        assertThat(api.post("/auth/verify-email", Map.of("token", token)).status()).isEqualTo(204);
        ApiResponse login = login(email, password, null);
        assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
        return new Member(UUID.fromString(registered.text("userId")), email, password, login.text("accessToken"),
                login.text("refreshToken"));
    }

    protected ApiResponse login(String email, String password, String otp) {
        return api.post("/auth/login", otp == null ? Map.of("email", email, "password", password)
                : Map.of("email", email, "password", password, "otp", otp));
    }

    /** The payload of a JWT, unchecked: tests read the claims Keycloak put in. */
    protected static JsonNode claims(String jwt) {
        return ApiClient.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    protected String adminToken() {
        ApiResponse login = login(ADMIN_EMAIL, ADMIN_PASSWORD, null);
        assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
        return login.text("accessToken");
    }
}
