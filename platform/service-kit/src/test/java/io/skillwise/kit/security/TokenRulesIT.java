package io.skillwise.kit.security;

import io.skillwise.kit.security.testapp.SecurityTestApplication;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.TestTokens;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

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

    private ApiClient service;
    private final TestUser student = TestUser.student();
    private final TestUser payment = TestUser.service("payment-service");

    @BeforeEach
    void connect() {
        service = ApiClient.root(port);
    }

    @Test
    void aUserTokenReadsUserRoutes() {
        assertThat(service.as(student).get("/api/v1/notes").assertStatus(200).text("caller"))
                .isEqualTo(student.id().toString());
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        service.withToken(TOKENS.token(student, claims -> claims.remove("exp"))).get("/api/v1/notes")
                .assertProblem(401);
    }

    @Test
    void aTokenOfAClientForeignToThePlatformIsRefused() {
        service.withToken(TOKENS.token(student, claims -> claims.put("azp", "someone-elses-app")))
                .get("/api/v1/notes").assertProblem(401);
        service.withToken(TOKENS.token(student, claims -> claims.remove("azp"))).get("/api/v1/notes")
                .assertProblem(401);
    }

    @Test
    void aTokenOfASessionEndedByALogoutIsRefused() {
        String session = UUID.randomUUID().toString();
        ApiClient caller = service.withToken(TOKENS.token(student, claims -> claims.put("sid", session)));
        caller.get("/api/v1/notes").assertStatus(200);

        // what identity-service writes on logout
        redis.opsForValue().set(SessionDenylist.keyFor(session), "1", Duration.ofMinutes(5));

        caller.get("/api/v1/notes").assertProblem(401);
        service.as(student).get("/api/v1/notes").assertStatus(200);
    }

    @Test
    void aServiceTokenReachesInternalRoutesOnly() {
        ApiClient caller = service.as(payment);
        caller.get("/internal/notes").assertStatus(200);
        caller.get("/api/v1/notes").assertProblem(403);
        caller.get("/api/v1/public/notes").assertProblem(403);
    }

    @Test
    void aUserTokenDoesNotReachInternalRoutes() {
        service.as(TestUser.admin()).get("/internal/notes").assertProblem(403);
        service.get("/internal/notes").assertProblem(401);
    }

    @Test
    void aPublicRouteTakesNoTokenOrAUsersToken() {
        service.get("/api/v1/public/notes").assertStatus(200);
        service.as(student).get("/api/v1/public/notes").assertStatus(200);
    }
}
