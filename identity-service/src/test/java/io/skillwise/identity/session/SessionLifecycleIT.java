package io.skillwise.identity.session;

import io.skillwise.testsupport.ApiResponse;
import io.skillwise.identity.support.ApiTestBase;
import io.skillwise.identity.support.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SessionLifecycleIT extends ApiTestBase {

    @Autowired
    StringRedisTemplate redis;

    @Test
    void registerVerifyLoginRefreshLogout() {
        String email = freshEmail("ada");
        ApiResponse registered = register(email, "Analytical-Engine-1", "Ada King Lovelace", null);
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.text("email")).isEqualTo(email);
        assertThat(registered.body().path("emailVerified").asBoolean(true)).isFalse();
        assertThat(registered.body().path("roles").toString()).isEqualTo("[\"student\"]");

        String token = Mailbox.token(email, "Confirm", 1);
        assertThat(api.post("/auth/verify-email", Map.of("token", token)).status()).isEqualTo(204);
        assertThat(api.post("/auth/verify-email", Map.of("token", token)).status())
                .as("a verification link works once").isEqualTo(400);
        assertThat(api.post("/auth/verify-email", Map.of("token", "forged")).status()).isEqualTo(400);

        ApiResponse login = login(email, "Analytical-Engine-1", null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("tokenType")).isEqualTo("Bearer");
        assertThat(login.body().path("expiresIn").asLong()).isPositive();
        var claims = claims(login.text("accessToken"));
        assertThat(claims.path("email_verified").asBoolean()).isTrue();
        assertThat(claims.path("given_name").asString()).isEqualTo("Ada King");
        assertThat(claims.path("family_name").asString()).isEqualTo("Lovelace");
        assertThat(claims.path("realm_access").path("roles").toString()).contains("student");

        ApiResponse refreshed = api.post("/auth/refresh", Map.of("refreshToken", login.text("refreshToken")));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(api.post("/auth/refresh", Map.of("refreshToken", login.text("refreshToken"))).status())
                .as("refresh tokens rotate: the spent one is refused").isEqualTo(401);

        String accessToken = refreshed.text("accessToken");
        String sid = claims(accessToken).path("sid").asString();
        assertThat(sid).isNotBlank();
        assertThat(api.post("/auth/logout", Map.of("refreshToken", refreshed.text("refreshToken"))).status())
                .as("logout needs the access token").isEqualTo(401);
        assertThat(api.withToken(accessToken).post("/auth/logout", Map.of("refreshToken",
                refreshed.text("refreshToken"))).status())
                .isEqualTo(204);

        assertThat(api.post("/auth/refresh", Map.of("refreshToken", refreshed.text("refreshToken"))).status())
                .isEqualTo(401);
        assertThat(redis.hasKey("skillwise:revoked-session:" + sid)).isTrue();
        assertThat(api.withToken(accessToken).get("/profile").status()).as("the access token of the ended session")
                .isEqualTo(401);
        assertThat(redis.getExpire("skillwise:revoked-session:" + sid)).isGreaterThanOrEqualTo(300);
    }

    @Test
    void wrongPasswordIsUnauthorizedWithoutMfaHint() {
        Member member = signUp("wrong");
        ApiResponse login = login(member.email(), "not-the-password", null);
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.contentType()).startsWith("application/problem+json");
        assertThat(login.body().has("mfaRequired")).isFalse();
        assertThat(login(freshEmail("nobody"), "whatever-password", null).status()).isEqualTo(401);
    }

    @Test
    void repeatedFailuresLockTheAccountWithoutSayingSo() {
        Member member = signUp("brute");
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(login(member.email(), "guess-" + attempt, null).status()).isEqualTo(401);
        }
        ApiResponse locked = login(member.email(), member.password(), null);
        assertThat(locked.status()).as("Keycloak's brute-force detection holds the account for a while").isEqualTo(401);
        assertThat(locked.text("detail")).isEqualTo(login(member.email(), "guess-x", null).text("detail"));
    }

    @Test
    void refreshWithGarbageIsUnauthorized() {
        assertThat(api.post("/auth/refresh", Map.of("refreshToken", "not-a-token")).status()).isEqualTo(401);
    }
}
