package io.skillwise.catalog.course;

import io.skillwise.catalog.CatalogApi;
import io.skillwise.catalog.CatalogApi.Courses;
import io.skillwise.catalog.CatalogApi.Response;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
class CurriculumApiIT {

    @LocalServerPort
    int port;

    CatalogApi api;
    TestUser owner = TestUser.instructor();
    TestUser intruder = TestUser.instructor();
    TestUser student = TestUser.student();
    TestUser admin = TestUser.admin();

    @BeforeEach
    void setUp() {
        api = new CatalogApi(port);
    }

    @Test
    void modulePositionsStayContiguousThroughInsertMoveAndDelete() {
        String courseId = api.post("/courses", owner, Courses.draft("Ordering")).id();
        String a = addModule(courseId, "A", null);
        String b = addModule(courseId, "B", null);
        String c = addModule(courseId, "C", 0);          // C, A, B
        assertThat(moduleTitles(courseId)).containsExactly("C", "A", "B");
        addModule(courseId, "D", 99);                      // past the end: last
        assertThat(moduleTitles(courseId)).containsExactly("C", "A", "B", "D");

        Response moved = api.patch("/modules/" + b, owner, Map.of("position", 0));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moduleTitles(courseId)).containsExactly("B", "C", "A", "D");
        api.patch("/modules/" + b, owner, Map.of("position", 3, "title", "B2"));
        assertThat(moduleTitles(courseId)).containsExactly("C", "A", "D", "B2");

        assertThat(api.delete("/modules/" + a, owner).status()).isEqualTo(204);
        assertThat(moduleTitles(courseId)).containsExactly("C", "D", "B2");
        assertThat(positions(api.get("/courses/" + courseId + "/modules", owner))).containsExactly(0, 1, 2);
        assertThat(api.get("/modules/" + c + "/lessons", owner).status()).isEqualTo(200);
    }

    @Test
    void lessonPositionsStayContiguous() {
        String courseId = api.post("/courses", owner, Courses.draft("Lesson Order")).id();
        String module = addModule(courseId, "Only", null);
        String first = api.post("/modules/" + module + "/lessons", owner, Courses.lesson("One", false)).id();
        api.post("/modules/" + module + "/lessons", owner, Courses.lesson("Two", false));
        Map<String, Object> zero = new java.util.HashMap<>(Courses.lesson("Zero", false));
        zero.put("position", 0);
        api.post("/modules/" + module + "/lessons", owner, zero);
        assertThat(lessonTitles(module)).containsExactly("Zero", "One", "Two");

        api.patch("/lessons/" + first, owner, Map.of("position", 2));
        assertThat(lessonTitles(module)).containsExactly("Zero", "Two", "One");
        api.delete("/lessons/" + first, owner);
        assertThat(lessonTitles(module)).containsExactly("Zero", "Two");
        assertThat(positions(api.get("/modules/" + module + "/lessons", owner))).containsExactly(0, 1);
    }

    @Test
    void previewLessonsAreOpenAndOthersAreForbidden() {
        String courseId = api.post("/courses", owner, Courses.draft("Access Rules")).id();
        String module = addModule(courseId, "M", null);
        String preview = api.post("/modules/" + module + "/lessons", owner, Courses.lesson("Free taste", true)).id();
        String locked = api.post("/modules/" + module + "/lessons", owner, Courses.lesson("Paid part", false)).id();

        // while a draft, nobody but the owner and admins sees any of it
        assertThat(api.get("/lessons/" + preview).status()).isEqualTo(404);
        assertThat(api.get("/lessons/" + preview, student).status()).isEqualTo(404);

        api.post("/courses/" + courseId + "/publish", owner, null);

        Response open = api.get("/lessons/" + preview);
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.text("body")).isEqualTo("Body of Free taste");
        Response forbidden = api.get("/lessons/" + locked, student);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/lessons/" + locked).status()).isEqualTo(403);
        assertThat(api.get("/lessons/" + locked, intruder).status()).isEqualTo(403);
        assertThat(api.get("/lessons/" + locked, owner).text("body")).isEqualTo("Body of Paid part");
        assertThat(api.get("/lessons/" + locked, admin).status()).isEqualTo(200);

        // the public lesson list has the syllabus entries, not the content
        JsonNode listed = api.get("/modules/" + module + "/lessons").body().get("items");
        assertThat(listed).hasSize(2);
        assertThat(listed.get(1).get("body")).isNull();
    }

    @Test
    void quizAnswersAreShownOnlyToTheOwnerAndAdmins() {
        String courseId = api.post("/courses", owner, Courses.draft("Quizzical")).id();
        String module = addModule(courseId, "M", null);
        Map<String, Object> quiz = Map.of("title", "Check yourself", "type", "QUIZ", "preview", true,
                "quiz", Map.of("passScore", 50, "questions", List.of(
                        Map.of("prompt", "2 + 2?", "options", List.of("3", "4", "5"), "correctOptions", List.of(1)))));
        Response created = api.post("/modules/" + module + "/lessons", owner, quiz);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        api.post("/courses/" + courseId + "/publish", owner, null);

        JsonNode ownerQuestion = api.get("/lessons/" + created.id(), owner).body().get("quiz").get("questions").get(0);
        assertThat(ownerQuestion.get("correctOptions").toString()).isEqualTo("[1]");
        JsonNode adminQuestion = api.get("/lessons/" + created.id(), admin).body().get("quiz").get("questions").get(0);
        assertThat(adminQuestion.get("correctOptions")).isNotNull();

        Response asStudent = api.get("/lessons/" + created.id(), student);
        JsonNode studentQuestion = asStudent.body().get("quiz").get("questions").get(0);
        assertThat(studentQuestion.get("options")).hasSize(3);
        assertThat(studentQuestion.get("correctOptions")).isNull();
        assertThat(asStudent.body().toString()).doesNotContain("correctOptions");
        assertThat(api.get("/lessons/" + created.id()).body().toString()).doesNotContain("correctOptions");
    }

    @Test
    void invalidLessonsAreRefused() {
        String courseId = api.post("/courses", owner, Courses.draft("Strict Lessons")).id();
        String module = addModule(courseId, "M", null);

        Response quizWithoutQuestions = api.post("/modules/" + module + "/lessons", owner,
                Map.of("title", "Empty", "type", "QUIZ"));
        Response answerOutOfRange = api.post("/modules/" + module + "/lessons", owner,
                Map.of("title", "Bad key", "type", "QUIZ", "quiz", Map.of("questions", List.of(
                        Map.of("prompt", "?", "options", List.of("a", "b"), "correctOptions", List.of(2))))));
        Response quizOnText = api.post("/modules/" + module + "/lessons", owner,
                Map.of("title", "Text", "type", "TEXT", "quiz", Map.of("questions", List.of(
                        Map.of("prompt", "?", "options", List.of("a", "b"), "correctOptions", List.of(0))))));
        Response unknownType = api.post("/modules/" + module + "/lessons", owner,
                Map.of("title", "Hologram", "type", "HOLOGRAM"));
        Response dueBeforeOpen = api.post("/modules/" + module + "/lessons", owner,
                Map.of("title", "Time travel", "type", "TEXT", "availableAt", "2030-01-02T00:00:00Z",
                        "dueAt", "2030-01-01T00:00:00Z"));
        Response negativeDuration = api.post("/modules/" + module + "/lessons", owner,
                Map.of("title", "Negative", "type", "TEXT", "durationSeconds", -5));
        Response absoluteAndRelative = api.post("/modules/" + module + "/lessons", owner,
                Map.of("title", "Both", "type", "TEXT", "availableAt", "2030-01-01T00:00:00Z", "availableAfterDays", 3));

        for (Response refused : List.of(quizWithoutQuestions, answerOutOfRange, quizOnText, unknownType,
                dueBeforeOpen, negativeDuration, absoluteAndRelative)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get("/modules/" + module + "/lessons", owner).body().get("items")).isEmpty();
    }

    @Test
    void aPublishedCourseKeepsItsLastLesson() {
        String courseId = api.publishedCourse(owner, Courses.draft("Keeps One"));
        String module = api.get("/courses/" + courseId + "/modules").itemIds().get(0);
        String lesson = api.get("/modules/" + module + "/lessons").itemIds().get(0);

        assertThat(api.delete("/lessons/" + lesson, owner).status()).isEqualTo(409);
        assertThat(api.delete("/modules/" + module, owner).status()).isEqualTo(409);
        assertThat(lessonTitles(module)).containsExactly("Welcome");

        api.post("/courses/" + courseId + "/unpublish", owner, null);
        assertThat(api.delete("/modules/" + module, owner).status()).isEqualTo(204);
    }

    @Test
    void anotherInstructorCannotChangeModulesOrLessons() {
        String courseId = api.post("/courses", owner, Courses.draft("Guarded")).id();
        String module = addModule(courseId, "Mine", null);
        String lesson = api.post("/modules/" + module + "/lessons", owner, Courses.lesson("Mine too", false)).id();

        assertThat(api.post("/courses/" + courseId + "/modules", intruder, Map.of("title", "Theirs")).status())
                .isEqualTo(403);
        assertThat(api.patch("/modules/" + module, intruder, Map.of("title", "Taken")).status()).isEqualTo(403);
        assertThat(api.delete("/modules/" + module, intruder).status()).isEqualTo(403);
        assertThat(api.post("/modules/" + module + "/lessons", intruder, Courses.lesson("Planted", false)).status())
                .isEqualTo(403);
        assertThat(api.patch("/lessons/" + lesson, intruder, Map.of("title", "Taken")).status()).isEqualTo(403);
        assertThat(api.delete("/lessons/" + lesson, intruder).status()).isEqualTo(403);
        assertThat(api.patch("/lessons/" + lesson, student, Map.of("title", "Taken")).status()).isEqualTo(403);

        assertThat(moduleTitles(courseId)).containsExactly("Mine");
        assertThat(lessonTitles(module)).containsExactly("Mine too");
        assertThat(api.patch("/lessons/" + lesson, admin, Map.of("title", "Edited by admin")).status()).isEqualTo(200);
    }

    private String addModule(String courseId, String title, Integer position) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", title));
        if (position != null) {
            body.put("position", position);
        }
        Response module = api.post("/courses/" + courseId + "/modules", owner, body);
        assertThat(module.status()).as(module.toString()).isEqualTo(201);
        return module.id();
    }

    private List<String> moduleTitles(String courseId) {
        return api.get("/courses/" + courseId + "/modules", owner).itemTitles();
    }

    private List<String> lessonTitles(String moduleId) {
        return api.get("/modules/" + moduleId + "/lessons", owner).itemTitles();
    }

    private static List<Integer> positions(Response list) {
        List<Integer> positions = new ArrayList<>();
        list.body().get("items").forEach(item -> positions.add(item.get("position").asInt()));
        return positions;
    }
}
