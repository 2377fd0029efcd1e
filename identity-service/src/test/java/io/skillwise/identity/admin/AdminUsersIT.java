package io.skillwise.identity.admin;

import io.skillwise.testsupport.ApiResponse;
import io.skillwise.identity.support.Api;
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
        assertThat(api.get("/admin/users", student.accessToken()).status()).isEqualTo(403);
        assertThat(api.get("/users/" + someone, student.accessToken()).status()).isEqualTo(403);
        assertThat(api.patch("/users/" + someone, Map.of("roles", List.of("admin")), student.accessToken()).status())
                .isEqualTo(403);
        assertThat(api.patch("/users/" + student.id(), Map.of("roles", List.of("admin")), student.accessToken()).status())
                .as("not even on oneself").isEqualTo(403);
        assertThat(api.delete("/users/" + someone, null, student.accessToken()).status()).isEqualTo(403);
    }

    @Test
    void roleChangeShowsInTheNextTokenAndIsPublished() {
        String email = freshEmail("teach");
        ApiResponse registered = register(email, "Teach-Me-Please-2", "Future Teacher", "instructor");
        UUID userId = UUID.fromString(registered.text("userId"));
        String admin = adminToken();

        ApiResponse pending = api.get("/admin/users?status=instructor-requested&search=" + email, admin);
        assertThat(pending.status()).isEqualTo(200);
        assertThat(pending.body().path("totalItems").asLong()).isEqualTo(1);
        assertThat(pending.body().path("items").get(0).path("userId").asString()).isEqualTo(userId.toString());

        ApiResponse granted = api.patch("/users/" + userId, Map.of("roles", List.of("student", "instructor")), admin);
        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(200);
        assertThat(granted.body().path("roles").toString()).isEqualTo("[\"student\",\"instructor\"]");
        assertThat(granted.body().path("instructorRequested").asBoolean()).isFalse();

        ApiResponse login = login(email, "Teach-Me-Please-2", null);
        assertThat(Api.claims(login.text("accessToken")).path("realm_access").path("roles").toString())
                .contains("instructor");
        assertThat(api.get("/instructors/" + userId + "/profile", null).status()).isEqualTo(200);
        assertThat(api.get("/instructors/" + userId + "/profile", null).body().has("email")).isFalse();

        String event = jdbc.sql("select payload::text from outbox_event where event_key = :key and event_type like '%UserRolesChanged%'")
                .param("key", userId.toString()).query(String.class).single();
        assertThat(event).contains("INSTRUCTOR");

        ApiResponse detail = api.get("/users/" + userId, admin);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.text("email")).isEqualTo(email);
        assertThat(detail.body().path("mfaEnabled").asBoolean(true)).isFalse();
    }

    @Test
    void disablingEndsSessionsAndEnablingRestoresLogin() {
        Member member = signUp("disable");
        String sid = Api.claims(member.accessToken()).path("sid").asString();
        String admin = adminToken();

        assertThat(api.patch("/users/" + member.id(), Map.of("enabled", false), admin).status()).isEqualTo(200);
        assertThat(redis.hasKey("skillwise:revoked-session:" + sid)).isTrue();
        assertThat(api.post("/auth/refresh", Map.of("refreshToken", member.refreshToken()), null).status()).isEqualTo(401);
        assertThat(login(member.email(), member.password(), null).status()).isEqualTo(401);
        assertThat(api.get("/admin/users?status=disabled&search=" + member.email(), admin).body().path("totalItems").asLong())
                .isEqualTo(1);

        assertThat(api.patch("/users/" + member.id(), Map.of("enabled", true), admin).status()).isEqualTo(200);
        assertThat(login(member.email(), member.password(), null).status()).isEqualTo(200);
    }

    @Test
    void deletingRemovesTheUserEverywhereAndPublishesDeactivation() {
        Member member = signUp("delete");
        String admin = adminToken();
        assertThat(api.delete("/users/" + member.id(), null, admin).status()).isEqualTo(204);
        assertThat(login(member.email(), member.password(), null).status()).isEqualTo(401);
        assertThat(api.get("/users/" + member.id(), admin).status()).isEqualTo(404);
        assertThat(api.post("/auth/refresh", Map.of("refreshToken", member.refreshToken()), null).status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from outbox_event where event_key = :key and event_type like '%UserDeactivated%'")
                .param("key", member.id().toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void patchRefusesFieldsOtherThanRolesAndEnabled() {
        Member member = signUp("adminpatch");
        String admin = adminToken();
        ApiResponse refused = api.patch("/users/" + member.id(), Map.of("email", "new@example.com", "roles", List.of("root")), admin);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").toString()).contains("email").contains("roles");
        assertThat(api.get("/admin/users?size=500", admin).status()).isEqualTo(400);
        assertThat(api.get("/admin/users?sort=password,asc", admin).status()).isEqualTo(400);
    }

    @Test
    void searchPagesAndSortsByRole() {
        String marker = "pager" + UUID.randomUUID().toString().substring(0, 6);
        Member first = signUp(marker + "a");
        Member second = signUp(marker + "b");
        String admin = adminToken();
        ApiResponse page = api.get("/admin/users?search=" + marker + "&role=student&sort=email,desc&size=1&page=0", admin);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("totalItems").asLong()).isEqualTo(2);
        assertThat(page.body().path("totalPages").asLong()).isEqualTo(2);
        assertThat(page.body().path("items").get(0).path("email").asString()).isEqualTo(second.email());
        ApiResponse next = api.get("/admin/users?search=" + marker + "&role=student&sort=email,desc&size=1&page=1", admin);
        assertThat(next.body().path("items").get(0).path("email").asString()).isEqualTo(first.email());
        assertThat(api.get("/admin/users?search=" + marker + "&role=admin", admin).body().path("totalItems").asLong())
                .isZero();
    }
}
