package io.skillwise.catalog.course;

import io.skillwise.catalog.Courses;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
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

    ApiClient api;
    TestUser owner = TestUser.instructor();
    TestUser intruder = TestUser.instructor();
    TestUser student = TestUser.student();
    TestUser admin = TestUser.admin();

    @BeforeEach
    void setUp() {
        api = ApiClient.api(port);
    }

    @Test
    void modulePositionsStayContiguousThroughInsertMoveAndDelete() {
        String courseId = api.as(owner).post("/courses", Courses.draft("Ordering")).id();
        String a = addModule(courseId, "A", null);
        String b = addModule(courseId, "B", null);
        String c = addModule(courseId, "C", 0);          // C, A, B
        assertThat(moduleTitles(courseId)).containsExactly("C", "A", "B");
        addModule(courseId, "D", 99);                      // past the end: last
        assertThat(moduleTitles(courseId)).containsExactly("C", "A", "B", "D");

        ApiResponse moved = api.as(owner).patch("/modules/" + b, Map.of("position", 0));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moduleTitles(courseId)).containsExactly("B", "C", "A", "D");
        api.as(owner).patch("/modules/" + b, Map.of("position", 3, "title", "B2"));
        assertThat(moduleTitles(courseId)).containsExactly("C", "A", "D", "B2");

        assertThat(api.as(owner).delete("/modules/" + a).status()).isEqualTo(204);
        assertThat(moduleTitles(courseId)).containsExactly("C", "D", "B2");
        assertThat(positions(api.as(owner).get("/courses/" + courseId + "/modules"))).containsExactly(0, 1, 2);
        assertThat(api.as(owner).get("/modules/" + c + "/lessons").status()).isEqualTo(200);
    }

    @Test
    void lessonPositionsStayContiguous() {
        String courseId = api.as(owner).post("/courses", Courses.draft("Lesson Order")).id();
        String module = addModule(courseId, "Only", null);
        String first = api.as(owner).post("/modules/" + module + "/lessons", Courses.lesson("One", false)).id();
        api.as(owner).post("/modules/" + module + "/lessons", Courses.lesson("Two", false));
        Map<String, Object> zero = new java.util.HashMap<>(Courses.lesson("Zero", false));
        zero.put("position", 0);
        api.as(owner).post("/modules/" + module + "/lessons", zero);
        assertThat(lessonTitles(module)).containsExactly("Zero", "One", "Two");

        api.as(owner).patch("/lessons/" + first, Map.of("position", 2));
        assertThat(lessonTitles(module)).containsExactly("Zero", "Two", "One");
        api.as(owner).delete("/lessons/" + first);
        assertThat(lessonTitles(module)).containsExactly("Zero", "Two");
        assertThat(positions(api.as(owner).get("/modules/" + module + "/lessons"))).containsExactly(0, 1);
    }

    @Test
    void previewLessonsAreOpenAndOthersAreForbidden() {
        String courseId = api.as(owner).post("/courses", Courses.draft("Access Rules")).id();
        String module = addModule(courseId, "M", null);
        String preview = api.as(owner).post("/modules/" + module + "/lessons", Courses.lesson("Free taste", true)).id();
        String locked = api.as(owner).post("/modules/" + module + "/lessons", Courses.lesson("Paid part", false)).id();

        // while a draft, nobody but the owner and admins sees any of it
        assertThat(api.get("/lessons/" + preview).status()).isEqualTo(404);
        assertThat(api.as(student).get("/lessons/" + preview).status()).isEqualTo(404);

        api.as(owner).post("/courses/" + courseId + "/publish", null);

        ApiResponse open = api.get("/lessons/" + preview);
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.text("body")).isEqualTo("Body of Free taste");
        ApiResponse forbidden = api.as(student).get("/lessons/" + locked);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/lessons/" + locked).status()).isEqualTo(403);
        assertThat(api.as(intruder).get("/lessons/" + locked).status()).isEqualTo(403);
        assertThat(api.as(owner).get("/lessons/" + locked).text("body")).isEqualTo("Body of Paid part");
        assertThat(api.as(admin).get("/lessons/" + locked).status()).isEqualTo(200);

        // the public lesson list has the syllabus entries, not the content
        JsonNode listed = api.get("/modules/" + module + "/lessons").body().get("items");
        assertThat(listed).hasSize(2);
        assertThat(listed.get(1).get("body")).isNull();
    }

    @Test
    void quizAnswersAreShownOnlyToTheOwnerAndAdmins() {
        String courseId = api.as(owner).post("/courses", Courses.draft("Quizzical")).id();
        String module = addModule(courseId, "M", null);
        Map<String, Object> quiz = Map.of("title", "Check yourself", "type", "QUIZ", "preview", true,
                "quiz", Map.of("passScore", 50, "questions", List.of(
                        Map.of("prompt", "2 + 2?", "options", List.of("3", "4", "5"), "correctOptions", List.of(1)))));
        ApiResponse created = api.as(owner).post("/modules/" + module + "/lessons", quiz);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        api.as(owner).post("/courses/" + courseId + "/publish", null);

        JsonNode ownerQuestion = api.as(owner).get("/lessons/" + created.id()).body().get("quiz").get("questions")
                .get(0);
        assertThat(ownerQuestion.get("correctOptions").toString()).isEqualTo("[1]");
        JsonNode adminQuestion = api.as(admin).get("/lessons/" + created.id()).body().get("quiz").get("questions")
                .get(0);
        assertThat(adminQuestion.get("correctOptions")).isNotNull();

        ApiResponse asStudent = api.as(student).get("/lessons/" + created.id());
        JsonNode studentQuestion = asStudent.body().get("quiz").get("questions").get(0);
        assertThat(studentQuestion.get("options")).hasSize(3);
        assertThat(studentQuestion.get("correctOptions")).isNull();
        assertThat(asStudent.body().toString()).doesNotContain("correctOptions");
        assertThat(api.get("/lessons/" + created.id()).body().toString()).doesNotContain("correctOptions");
    }

    @Test
    void invalidLessonsAreRefused() {
        String courseId = api.as(owner).post("/courses", Courses.draft("Strict Lessons")).id();
        String module = addModule(courseId, "M", null);

        ApiResponse quizWithoutQuestions = api.as(owner).post("/modules/" + module + "/lessons",
                Map.of("title", "Empty", "type", "QUIZ"));
        ApiResponse answerOutOfRange = api.as(owner).post("/modules/" + module + "/lessons",
                Map.of("title", "Bad key", "type", "QUIZ", "quiz", Map.of("questions", List.of(
                        Map.of("prompt", "?", "options", List.of("a", "b"), "correctOptions", List.of(2))))));
        ApiResponse quizOnText = api.as(owner).post("/modules/" + module + "/lessons",
                Map.of("title", "Text", "type", "TEXT", "quiz", Map.of("questions", List.of(
                        Map.of("prompt", "?", "options", List.of("a", "b"), "correctOptions", List.of(0))))));
        ApiResponse unknownType = api.as(owner).post("/modules/" + module + "/lessons",
                Map.of("title", "Hologram", "type", "HOLOGRAM"));
        ApiResponse dueBeforeOpen = api.as(owner).post("/modules/" + module + "/lessons",
                Map.of("title", "Time travel", "type", "TEXT", "availableAt", "2030-01-02T00:00:00Z",
                        "dueAt", "2030-01-01T00:00:00Z"));
        ApiResponse negativeDuration = api.as(owner).post("/modules/" + module + "/lessons",
                Map.of("title", "Negative", "type", "TEXT", "durationSeconds", -5));
        ApiResponse absoluteAndRelative = api.as(owner).post("/modules/" + module + "/lessons",
                Map.of("title", "Both", "type", "TEXT", "availableAt", "2030-01-01T00:00:00Z", "availableAfterDays", 3));

        for (ApiResponse refused : List.of(quizWithoutQuestions, answerOutOfRange, quizOnText, unknownType,
                dueBeforeOpen, negativeDuration, absoluteAndRelative)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.as(owner).get("/modules/" + module + "/lessons").body().get("items")).isEmpty();
    }

    @Test
    void aPublishedCourseKeepsItsLastLesson() {
        String courseId = Courses.published(api, owner, Courses.draft("Keeps One"));
        String module = api.get("/courses/" + courseId + "/modules").items("id").get(0);
        String lesson = api.get("/modules/" + module + "/lessons").items("id").get(0);

        assertThat(api.as(owner).delete("/lessons/" + lesson).status()).isEqualTo(409);
        assertThat(api.as(owner).delete("/modules/" + module).status()).isEqualTo(409);
        assertThat(lessonTitles(module)).containsExactly("Welcome");

        api.as(owner).post("/courses/" + courseId + "/unpublish", null);
        assertThat(api.as(owner).delete("/modules/" + module).status()).isEqualTo(204);
    }

    @Test
    void anotherInstructorCannotChangeModulesOrLessons() {
        String courseId = api.as(owner).post("/courses", Courses.draft("Guarded")).id();
        String module = addModule(courseId, "Mine", null);
        String lesson = api.as(owner).post("/modules/" + module + "/lessons", Courses.lesson("Mine too", false)).id();

        assertThat(api.as(intruder).post("/courses/" + courseId + "/modules", Map.of("title", "Theirs")).status())
                .isEqualTo(403);
        assertThat(api.as(intruder).patch("/modules/" + module, Map.of("title", "Taken")).status()).isEqualTo(403);
        assertThat(api.as(intruder).delete("/modules/" + module).status()).isEqualTo(403);
        assertThat(api.as(intruder).post("/modules/" + module + "/lessons", Courses.lesson("Planted", false)).status())
                .isEqualTo(403);
        assertThat(api.as(intruder).patch("/lessons/" + lesson, Map.of("title", "Taken")).status()).isEqualTo(403);
        assertThat(api.as(intruder).delete("/lessons/" + lesson).status()).isEqualTo(403);
        assertThat(api.as(student).patch("/lessons/" + lesson, Map.of("title", "Taken")).status()).isEqualTo(403);

        assertThat(moduleTitles(courseId)).containsExactly("Mine");
        assertThat(lessonTitles(module)).containsExactly("Mine too");
        assertThat(api.as(admin).patch("/lessons/" + lesson, Map.of("title", "Edited by admin")).status())
                .isEqualTo(200);
    }

    private String addModule(String courseId, String title, Integer position) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", title));
        if (position != null) {
            body.put("position", position);
        }
        ApiResponse module = api.as(owner).post("/courses/" + courseId + "/modules", body);
        assertThat(module.status()).as(module.toString()).isEqualTo(201);
        return module.id();
    }

    private List<String> moduleTitles(String courseId) {
        return api.as(owner).get("/courses/" + courseId + "/modules").items("title");
    }

    private List<String> lessonTitles(String moduleId) {
        return api.as(owner).get("/modules/" + moduleId + "/lessons").items("title");
    }

    private static List<Integer> positions(ApiResponse list) {
        List<Integer> positions = new ArrayList<>();
        list.body().get("items").forEach(item -> positions.add(item.get("position").asInt()));
        return positions;
    }
}
