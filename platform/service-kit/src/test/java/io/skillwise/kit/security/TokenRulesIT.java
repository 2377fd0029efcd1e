package io.skillwise.kit.security;

import io.skillwise.kit.security.testapp.SecurityTestApplication;
import io.skillwise.testsupport.ApiCalls;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestTokens;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service takes from a caller who reaches it directly, past the gateway: tokens with an expiry, of a client
 * of the platform, of a session that has not ended, and only on the routes of their kind of client.
 */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, mongo = true, tokens = true)
class TokenRulesIT {

    private static final TestTokens TOKENS = TestTokens.shared();

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    private final TestUser student = TestUser.student();
    private final TestUser payment = TestUser.service("payment-service");

    @Test
    void aUserTokenReadsUserRoutes() {
        ApiResponse mine = get("/api/v1/notes", TOKENS.tokenFor(student));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.text("caller")).isEqualTo(student.id().toString());
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        assertUnauthorized(get("/api/v1/notes", TOKENS.token(student, claims -> claims.remove("exp"))));
    }

    @Test
    void aTokenOfAClientForeignToThePlatformIsRefused() {
        assertUnauthorized(get("/api/v1/notes",
                TOKENS.token(student, claims -> claims.put("azp", "someone-elses-app"))));
        assertUnauthorized(get("/api/v1/notes", TOKENS.token(student, claims -> claims.remove("azp"))));
    }

    @Test
    void aTokenOfASessionEndedByALogoutIsRefused() {
        String session = UUID.randomUUID().toString();
        String token = TOKENS.token(student, claims -> claims.put("sid", session));
        assertThat(get("/api/v1/notes", token).status()).isEqualTo(200);

        // what identity-service writes on logout
        redis.opsForValue().set(SessionDenylist.keyFor(session), "1", Duration.ofMinutes(5));

        assertUnauthorized(get("/api/v1/notes", token));
        assertThat(get("/api/v1/notes", TOKENS.tokenFor(student)).status()).as("another session of the same user")
                .isEqualTo(200);
    }

    @Test
    void aServiceTokenReachesInternalRoutesOnly() {
        String service = TOKENS.tokenFor(payment);
        assertThat(get("/internal/notes", service).status()).isEqualTo(200);
        assertForbidden(get("/api/v1/notes", service));
        assertForbidden(get("/api/v1/public/notes", service));
    }

    @Test
    void aUserTokenDoesNotReachInternalRoutes() {
        assertForbidden(get("/internal/notes", TOKENS.tokenFor(TestUser.admin())));
        assertUnauthorized(get("/internal/notes", null));
    }

    @Test
    void aPublicRouteTakesNoTokenOrAUsersToken() {
        assertThat(get("/api/v1/public/notes", null).status()).isEqualTo(200);
        assertThat(get("/api/v1/public/notes", TOKENS.tokenFor(student)).status()).isEqualTo(200);
    }

    private ApiResponse get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return ApiCalls.send(request);
    }

    private static void assertUnauthorized(ApiResponse response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static void assertForbidden(ApiResponse response) {
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
