package io.skillwise.identity.admin;

import io.skillwise.testsupport.ApiResponse;
import io.skillwise.identity.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AdminUsersIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void studentGetsForbiddenOnEveryAdminRoute() {
        Member student = signUp("nosy");
        String someone = UUID.randomUUID().toString();
        assertThat(api.withToken(student.accessToken()).get("/admin/users").status()).isEqualTo(403);
        assertThat(api.withToken(student.accessToken()).get("/users/" + someone).status()).isEqualTo(403);
        assertThat(api.withToken(student.accessToken()).patch("/users/" + someone, Map.of("roles", List.of("admin")))
                .status())
                .isEqualTo(403);
        assertThat(api.withToken(student.accessToken()).patch("/users/" + student.id(), Map.of("roles",
                List.of("admin"))).status())
                .as("not even on oneself").isEqualTo(403);
        assertThat(api.withToken(student.accessToken()).delete("/users/" + someone).status()).isEqualTo(403);
    }

    @Test
    void roleChangeShowsInTheNextTokenAndIsPublished() {
        String email = freshEmail("teach");
        ApiResponse registered = register(email, "Teach-Me-Please-2", "Future Teacher", "instructor");
        UUID userId = UUID.fromString(registered.text("userId"));
        String admin = adminToken();

        ApiResponse pending = api.withToken(admin).get("/admin/users?status=instructor-requested&search=" + email);
        assertThat(pending.status()).isEqualTo(200);
        assertThat(pending.body().path("totalItems").asLong()).isEqualTo(1);
        assertThat(pending.body().path("items").get(0).path("userId").asString()).isEqualTo(userId.toString());

        ApiResponse granted = api.withToken(admin).patch("/users/" + userId, Map.of("roles", List.of("student",
                "instructor")));
        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(200);
        assertThat(granted.body().path("roles").toString()).isEqualTo("[\"student\",\"instructor\"]");
        assertThat(granted.body().path("instructorRequested").asBoolean()).isFalse();

        ApiResponse login = login(email, "Teach-Me-Please-2", null);
        assertThat(claims(login.text("accessToken")).path("realm_access").path("roles").toString())
                .contains("instructor");
        assertThat(api.get("/instructors/" + userId + "/profile").status()).isEqualTo(200);
        assertThat(api.get("/instructors/" + userId + "/profile").body().has("email")).isFalse();

        String event = jdbc.sql("select payload::text from outbox_event where event_key = :key and event_type like '%UserRolesChanged%'")
                .param("key", userId.toString()).query(String.class).single();
        assertThat(event).contains("INSTRUCTOR");

        ApiResponse detail = api.withToken(admin).get("/users/" + userId);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.text("email")).isEqualTo(email);
        assertThat(detail.body().path("mfaEnabled").asBoolean(true)).isFalse();
    }

    @Test
    void disablingEndsSessionsAndEnablingRestoresLogin() {
        Member member = signUp("disable");
        String sid = claims(member.accessToken()).path("sid").asString();
        String admin = adminToken();

        assertThat(api.withToken(admin).patch("/users/" + member.id(), Map.of("enabled", false)).status())
                .isEqualTo(200);
        assertThat(redis.hasKey("skillwise:revoked-session:" + sid)).isTrue();
        assertThat(api.post("/auth/refresh", Map.of("refreshToken", member.refreshToken())).status()).isEqualTo(401);
        assertThat(login(member.email(), member.password(), null).status()).isEqualTo(401);
        assertThat(api.withToken(admin).get("/admin/users?status=disabled&search=" + member.email()).body()
                .path("totalItems").asLong())
                .isEqualTo(1);

        assertThat(api.withToken(admin).patch("/users/" + member.id(), Map.of("enabled", true)).status())
                .isEqualTo(200);
        assertThat(login(member.email(), member.password(), null).status()).isEqualTo(200);
    }

    @Test
    void deletingRemovesTheUserEverywhereAndPublishesDeactivation() {
        Member member = signUp("delete");
        String admin = adminToken();
        assertThat(api.withToken(admin).delete("/users/" + member.id()).status()).isEqualTo(204);
        assertThat(login(member.email(), member.password(), null).status()).isEqualTo(401);
        assertThat(api.withToken(admin).get("/users/" + member.id()).status()).isEqualTo(404);
        assertThat(api.post("/auth/refresh", Map.of("refreshToken", member.refreshToken())).status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from outbox_event where event_key = :key and event_type like '%UserDeactivated%'")
                .param("key", member.id().toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void patchRefusesFieldsOtherThanRolesAndEnabled() {
        Member member = signUp("adminpatch");
        String admin = adminToken();
        ApiResponse refused = api.withToken(admin).patch("/users/" + member.id(), Map.of("email", "new@example.com",
                "roles", List.of("root")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").toString()).contains("email").contains("roles");
        assertThat(api.withToken(admin).get("/admin/users?size=500").status()).isEqualTo(400);
        assertThat(api.withToken(admin).get("/admin/users?sort=password,asc").status()).isEqualTo(400);
    }

    @Test
    void searchPagesAndSortsByRole() {
        String marker = "pager" + UUID.randomUUID().toString().substring(0, 6);
        Member first = signUp(marker + "a");
        Member second = signUp(marker + "b");
        String admin = adminToken();
        ApiResponse page = api.withToken(admin)
                .get("/admin/users?search=" + marker + "&role=student&sort=email,desc&size=1&page=0");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("totalItems").asLong()).isEqualTo(2);
        assertThat(page.body().path("totalPages").asLong()).isEqualTo(2);
        assertThat(page.body().path("items").get(0).path("email").asString()).isEqualTo(second.email());
        ApiResponse next = api.withToken(admin)
                .get("/admin/users?search=" + marker + "&role=student&sort=email,desc&size=1&page=1");
        assertThat(next.body().path("items").get(0).path("email").asString()).isEqualTo(first.email());
        assertThat(api.withToken(admin).get("/admin/users?search=" + marker + "&role=admin").body().path("totalItems")
                .asLong())
                .isZero();
    }
}
