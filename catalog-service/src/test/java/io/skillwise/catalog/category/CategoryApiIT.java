package io.skillwise.catalog.category;

import io.skillwise.catalog.Courses;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Admins rename and move categories; courses, their search documents and their events follow. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
class CategoryApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEVELOPMENT = "0b7a3c1e-2f4d-4c55-9a11-000000000001";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    TestUser admin = TestUser.admin();
    TestUser instructor = TestUser.instructor();

    @BeforeEach
    void setUp() {
        api = ApiClient.api(port);
    }

    @Test
    void aRenameReachesTheCoursesTheirSearchAndTheirEvents() {
        String robotics = category("Robotics " + suffix(), DEVELOPMENT);
        Map<String, Object> request = Courses.draft("Servo Control");
        request.put("category", robotics);
        String published = Courses.published(api, instructor, request);
        Map<String, Object> draftRequest = Courses.draft("Servo Drafts");
        draftRequest.put("category", robotics);
        String draft = api.as(instructor).post("/courses", draftRequest).id();
        long eventsBefore = events(published).size();

        ApiResponse renamed = api.as(admin).patch("/categories/" + robotics, Map.of("name", "Mechatronics Lab"));

        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.text("name")).isEqualTo("Mechatronics Lab");
        assertThat(renamed.text("parentId")).isEqualTo(DEVELOPMENT);
        assertThat(api.get("/courses/" + published).body().get("category").get("name").asString())
                .isEqualTo("Mechatronics Lab");
        assertThat(api.get("/courses?search=mechatronics").items("id")).containsExactly(published);
        assertThat(api.as(instructor).get("/courses?search=mechatronics").items("id")).contains(published, draft);

        List<JsonNode> events = events(published);
        assertThat(events).hasSize((int) eventsBefore + 1);
        JsonNode updated = events.getLast();
        assertThat(updated.get("category").get("name").asString()).isEqualTo("Mechatronics Lab");
        assertThat(updated.get("changes").get(0).asString()).isEqualTo("DETAILS");
        assertThat(updated.get("actorId").asString()).isEqualTo(admin.id().toString());
        assertThat(updated.get("revision").asLong()).isGreaterThan(events.get(events.size() - 2).get("revision").asLong());
        assertThat(events(draft)).as("a never-published course stays inside").isEmpty();
    }

    @Test
    void aMoveChangesWhereTheCoursesAreListedButNeverMakesACycle() {
        String hardware = category("Hardware " + suffix(), null);
        String embedded = category("Embedded " + suffix(), hardware);
        String boards = category("Boards " + suffix(), embedded);
        Map<String, Object> request = Courses.draft("Soldering");
        request.put("category", boards);
        String course = Courses.published(api, instructor, request);
        assertThat(api.get("/courses?category=" + hardware).items("id")).containsExactly(course);

        // under itself, under its own sub-categories, under nothing that exists: 400, and nothing moved
        for (String parent : List.of(hardware, embedded, boards, "7d0c8a52-0000-4000-8000-000000000000")) {
            ApiResponse refused = api.as(admin).patch("/categories/" + hardware, parent(parent));
            assertThat(refused.status()).as(parent + " -> " + refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(parentOf(hardware)).isNull();

        // boards moves up to the top level: no longer under hardware
        ApiResponse moved = api.as(admin).patch("/categories/" + boards, parent(null));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(parentOf(boards)).isNull();
        assertThat(api.get("/courses?category=" + hardware).items("id")).isEmpty();
        assertThat(api.get("/courses?category=" + boards).items("id")).containsExactly(course);
        List<String> topLevel = api.get("/categories").body().get("items").findValuesAsString("id");
        assertThat(topLevel).contains(boards);

        // and back under embedded (hardware > embedded > boards)
        assertThat(api.as(admin).patch("/categories/" + boards, parent(embedded)).status()).isEqualTo(200);
        assertThat(api.get("/courses?category=" + hardware).items("id")).containsExactly(course);
    }

    @Test
    void onlyAdminsChangeCategoriesAndBadChangesAreProblems() {
        String id = category("Gardening " + suffix(), null);
        String otherSlug = api.as(admin).post("/categories", Map.of("name", "Cooking " + suffix())).text("slug");

        assertThat(api.as(instructor).patch("/categories/" + id, Map.of("name", "Mine")).status()).isEqualTo(403);
        assertThat(api.as(TestUser.student()).patch("/categories/" + id, Map.of("name", "Mine")).status())
                .isEqualTo(403);
        assertThat(api.patch("/categories/" + id, Map.of("name", "Mine")).status()).isEqualTo(401);
        assertThat(api.as(admin).patch("/categories/7d0c8a52-0000-4000-8000-000000000000", Map.of("name", "X"))
                .status()).isEqualTo(404);
        assertThat(api.as(admin).patch("/categories/" + id, Map.of("slug", otherSlug)).status()).isEqualTo(409);
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("name", " "), Map.<String, Object>of("slug", "Not A Slug"),
                Map.<String, Object>of("parentId", "nope"), Map.<String, Object>of("color", "green"),
                Map.<String, Object>of("name", 42))) {
            ApiResponse refused = api.as(admin).patch("/categories/" + id, bad);
            assertThat(refused.status()).as(bad + " -> " + refused).isEqualTo(400);
        }
        assertThat(nameOf(id)).startsWith("Gardening ");

        ApiResponse renamed = api.as(admin).patch("/categories/" + id, Map.of("name", "Urban Gardening", "slug",
                "urban-gardening-" + suffix()));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.text("slug")).startsWith("urban-gardening-");
        assertThat(nameOf(id)).isEqualTo("Urban Gardening");
    }

    private String category(String name, String parentId) {
        Map<String, Object> request = new HashMap<>(Map.of("name", name));
        if (parentId != null) {
            request.put("parentId", parentId);
        }
        ApiResponse created = api.as(admin).post("/categories", request);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private static Map<String, Object> parent(String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("parentId", parentId);
        return body;
    }

    private String parentOf(String id) {
        return jdbc.sql("SELECT parent_id::text FROM category WHERE id = ?::uuid").param(id).query(String.class)
                .list().getFirst();
    }

    private String nameOf(String id) {
        return jdbc.sql("SELECT name FROM category WHERE id = ?::uuid").param(id).query(String.class).single();
    }

    private List<JsonNode> events(String courseId) {
        return jdbc.sql("SELECT payload::text FROM outbox_event WHERE event_key = ? ORDER BY seq").param(courseId)
                .query((rs, row) -> JSON.readTree(rs.getString(1))).list();
    }

    private static String suffix() {
        return Long.toString(System.nanoTime() % 1_000_000, 36);
    }
}
