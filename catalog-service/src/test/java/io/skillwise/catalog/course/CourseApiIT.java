package io.skillwise.catalog.course;

import io.skillwise.catalog.Courses;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestTokens;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
class CourseApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    TestUser instructor = TestUser.instructor();
    TestUser otherInstructor = TestUser.instructor();
    TestUser student = TestUser.student();
    TestUser admin = TestUser.admin();

    @BeforeEach
    void setUp() {
        api = ApiClient.api(port);
    }

    @Test
    void instructorBuildsAndPublishesACourseThatEveryoneThenFinds() {
        ApiResponse created = api.as(instructor).post("/courses", Courses.draft("Kotlin Coroutines in Depth"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("DRAFT");
        assertThat(created.body().get("price").get("amount").asLong()).isEqualTo(4999);
        assertThat(created.body().get("category").get("slug").asString()).isEqualTo("development");
        String courseId = created.id();

        ApiResponse module = api.as(instructor).post("/courses/" + courseId + "/modules", Map.of("title",
                "Getting started"));
        assertThat(module.status()).as(module.toString()).isEqualTo(201);
        assertThat(module.body().get("position").asInt()).isZero();

        ApiResponse lesson = api.as(instructor).post("/modules/" + module.id() + "/lessons",
                Map.of("title", "Why coroutines", "type", "VIDEO", "durationSeconds", 420, "preview", true,
                        "body", "https://videos.example/intro.mp4"));
        assertThat(lesson.status()).as(lesson.toString()).isEqualTo(201);

        ApiResponse published = api.as(instructor).post("/courses/" + courseId + "/publish", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.text("status")).isEqualTo("PUBLISHED");

        ApiResponse details = api.get("/courses/" + courseId);
        assertThat(details.status()).isEqualTo(200);
        assertThat(details.body().get("syllabus").get(0).get("title").asString()).isEqualTo("Getting started");
        assertThat(details.body().get("syllabus").get(0).get("lessons").get(0).get("preview").asBoolean()).isTrue();
        assertThat(details.body().get("objectives").get(0).asString()).isEqualTo("Understand Kotlin Coroutines in Depth");
        assertThat(details.body().get("totalDurationSeconds").asLong()).isEqualTo(420);

        ApiResponse listing = api.get("/courses?search=coroutines");
        assertThat(listing.items("id")).contains(courseId);
        assertThat(listing.body().get("items").get(0).get("instructor").get("id").asString())
                .isEqualTo(instructor.id().toString());
    }

    @Test
    void draftIsInvisibleToEveryoneButItsOwnerAndAdmins() {
        String courseId = api.as(instructor).post("/courses", Courses.draft("Secret Draft About Gardening")).id();

        assertThat(api.get("/courses/" + courseId).status()).isEqualTo(404);
        assertThat(api.as(student).get("/courses/" + courseId).status()).isEqualTo(404);
        assertThat(api.as(otherInstructor).get("/courses/" + courseId).status()).isEqualTo(404);
        assertThat(api.get("/courses/" + courseId + "/modules").status()).isEqualTo(404);
        assertThat(api.as(instructor).get("/courses/" + courseId).status()).isEqualTo(200);
        assertThat(api.as(admin).get("/courses/" + courseId).status()).isEqualTo(200);

        assertThat(api.get("/courses?search=gardening").items("id")).doesNotContain(courseId);
        assertThat(api.as(student).get("/courses?search=gardening").items("id")).doesNotContain(courseId);
        assertThat(api.as(instructor).get("/courses?search=gardening").items("id")).contains(courseId);
    }

    @Test
    void publishingAnIncompleteCourseSaysWhatIsMissing() {
        Map<String, Object> request = Courses.draft("Half Done");
        request.remove("category");
        request.remove("price");
        request.remove("objectives");
        String courseId = api.as(instructor).post("/courses", request).id();

        ApiResponse refused = api.as(instructor).post("/courses/" + courseId + "/publish", null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("detail")).contains("module with at least one lesson", "price", "category",
                "objectives");
        assertThat(api.as(instructor).get("/courses/" + courseId).text("status")).isEqualTo("DRAFT");
    }

    @Test
    void anInstructorWithoutASecondFactorCannotPublish() {
        String courseId = api.as(instructor).post("/courses", Courses.draft("Needs MFA")).id();
        String module = api.as(instructor).post("/courses/" + courseId + "/modules", Map.of("title", "Basics")).id();
        api.as(instructor).post("/modules/" + module + "/lessons", Courses.lesson("Welcome", true));
        String withoutSecondFactor = "Bearer " + TestTokens.shared().token(instructor,
                claims -> claims.remove("mfa_enabled"));

        ApiResponse refused = api.withHeader("Authorization", withoutSecondFactor).send("POST",
                "/courses/" + courseId + "/publish", null);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("type")).endsWith("mfa-required");
        assertThat(api.as(instructor).get("/courses/" + courseId).text("status")).isEqualTo("DRAFT");
        assertThat(api.as(instructor).post("/courses/" + courseId + "/publish", null).status())
                .as("the same instructor once the token says TOTP is on").isEqualTo(200);
    }

    @Test
    void freeCoursePublishesWithoutAPriceAndUnpublishHidesIt() {
        Map<String, Object> request = Courses.draft("Free Intro to Git");
        request.remove("price");
        request.put("free", true);
        String courseId = Courses.published(api, instructor, request);
        assertThat(api.get("/courses/" + courseId).body().get("free").asBoolean()).isTrue();

        ApiResponse unpublished = api.as(instructor).post("/courses/" + courseId + "/unpublish", null);

        assertThat(unpublished.text("status")).isEqualTo("UNPUBLISHED");
        assertThat(api.get("/courses/" + courseId).status()).isEqualTo(404);
        assertThat(api.as(instructor).post("/courses/" + courseId + "/unpublish", null).status()).isEqualTo(409);
    }

    @Test
    void ownerPatchesOnlyWhatIsSent() {
        String courseId = api.as(instructor).post("/courses", Courses.draft("Patch Me")).id();

        ApiResponse patched = api.as(instructor).patch("/courses/" + courseId,
                Map.of("subtitle", "Now with a subtitle", "price", Map.of("amount", 1999, "currency", "EUR"),
                        "category", "design", "tags", List.of("Figma", "ui")));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.text("title")).isEqualTo("Patch Me");
        assertThat(patched.text("subtitle")).isEqualTo("Now with a subtitle");
        assertThat(patched.body().get("price").get("currency").asString()).isEqualTo("EUR");
        assertThat(patched.body().get("category").get("slug").asString()).isEqualTo("design");
        assertThat(patched.body().get("tags").toString()).isEqualTo("[\"figma\",\"ui\"]");
    }

    @Test
    void invalidInputIsAProblemAndChangesNothing() {
        String courseId = api.as(instructor).post("/courses", Courses.draft("Stays As It Is")).id();

        ApiResponse negativePrice = api.as(instructor).patch("/courses/" + courseId,
                Map.of("price", Map.of("amount", -1, "currency", "USD")));
        ApiResponse unknownCategory = api.as(instructor).patch("/courses/" + courseId,
                Map.of("title", "Renamed", "category", "no-such-category"));
        ApiResponse unknownField = api.as(instructor).patch("/courses/" + courseId,
                Map.of("title", "Renamed", "instructorId", UUID.randomUUID().toString()));
        ApiResponse readOnlyStatus = api.as(instructor).patch("/courses/" + courseId, Map.of("status", "PUBLISHED"));
        ApiResponse badCurrency = api.as(instructor).patch("/courses/" + courseId,
                Map.of("price", Map.of("amount", 100, "currency", "dollars")));

        for (ApiResponse refused : List.of(negativePrice, unknownCategory, unknownField, readOnlyStatus, badCurrency)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(negativePrice.body().get("errors")).as(negativePrice.toString()).isNotNull();
        assertThat(negativePrice.body().get("errors").get(0).get("field").asString()).isEqualTo("price.amount");
        ApiResponse unchanged = api.as(instructor).get("/courses/" + courseId);
        assertThat(unchanged.text("title")).isEqualTo("Stays As It Is");
        assertThat(unchanged.text("status")).isEqualTo("DRAFT");
        assertThat(unchanged.body().get("price").get("amount").asLong()).isEqualTo(4999);
        assertThat(unchanged.body().get("category").get("slug").asString()).isEqualTo("development");
    }

    @Test
    void createWithUnknownCategoryOrNegativePriceCreatesNothing() {
        Map<String, Object> unknownCategory = Courses.draft("Nowhere To File");
        unknownCategory.put("category", "underwater-basket-weaving");
        Map<String, Object> negative = Courses.draft("Pays You Back");
        negative.put("price", Map.of("amount", -500, "currency", "USD"));
        long before = courseCount();

        assertThat(api.as(instructor).post("/courses", unknownCategory).status()).isEqualTo(400);
        assertThat(api.as(instructor).post("/courses", negative).status()).isEqualTo(400);
        assertThat(courseCount()).isEqualTo(before);
    }

    @Test
    void onlyInstructorsAndAdminsCreateCourses() {
        assertThat(api.as(student).post("/courses", Courses.draft("Not Mine To Make")).status()).isEqualTo(403);
        assertThat(api.post("/courses", Courses.draft("Anonymous")).status()).isEqualTo(401);
        assertThat(api.as(admin).post("/courses", Courses.draft("Made By Staff")).status()).isEqualTo(201);
    }

    @Test
    void anotherInstructorCannotTouchTheCourse() {
        String courseId = Courses.published(api, instructor, Courses.draft("Mine Alone"));

        assertThat(api.as(otherInstructor).patch("/courses/" + courseId, Map.of("title", "Stolen")).status())
                .isEqualTo(403);
        assertThat(api.as(otherInstructor).post("/courses/" + courseId + "/unpublish", null).status()).isEqualTo(403);
        assertThat(api.as(otherInstructor).delete("/courses/" + courseId).status()).isEqualTo(403);
        assertThat(api.as(student).delete("/courses/" + courseId).status()).isEqualTo(403);

        ApiResponse course = api.get("/courses/" + courseId);
        assertThat(course.text("title")).isEqualTo("Mine Alone");
        assertThat(course.text("status")).isEqualTo("PUBLISHED");
        assertThat(api.as(admin).patch("/courses/" + courseId, Map.of("title", "Fixed by admin")).status())
                .isEqualTo(200);
    }

    @Test
    void deletingRemovesTheCourseUnlessLearnersEnrolled() {
        String draft = api.as(instructor).post("/courses", Courses.draft("Short Lived")).id();
        assertThat(api.as(instructor).delete("/courses/" + draft).status()).isEqualTo(204);
        assertThat(api.as(instructor).get("/courses/" + draft).status()).isEqualTo(404);

        String popular = Courses.published(api, instructor, Courses.draft("Has Learners"));
        // enrollment counts arrive from enrollment events; set it as that replica will
        jdbc.sql("UPDATE course SET enrollment_count = 3 WHERE id = ?").param(UUID.fromString(popular)).update();
        ApiResponse refused = api.as(instructor).delete("/courses/" + popular);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(api.get("/courses/" + popular).status()).isEqualTo(200);
    }

    @Test
    void adminUnpublishesAnInstructorsCourseOnlyWithAReason() {
        String courseId = Courses.published(api, instructor, Courses.draft("Against The Rules"));

        ApiResponse withoutReason = api.as(admin).post("/courses/" + courseId + "/unpublish", null);
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(api.get("/courses/" + courseId).text("status")).isEqualTo("PUBLISHED");

        ApiResponse unpublished = api.as(admin).post("/courses/" + courseId + "/unpublish",
                Map.of("reason", "Copyrighted material"));
        assertThat(unpublished.status()).as(unpublished.toString()).isEqualTo(200);
        assertThat(unpublished.text("status")).isEqualTo("UNPUBLISHED");
    }

    @Test
    void adminListsEveryCourseByStatus() {
        String draft = api.as(instructor).post("/courses", Courses.draft("Admin Sees Drafts")).id();
        String published = Courses.published(api, otherInstructor, Courses.draft("Admin Sees Published"));

        ApiResponse drafts = api.as(admin).get("/admin/courses?status=DRAFT&size=100");
        assertThat(drafts.status()).isEqualTo(200);
        assertThat(drafts.items("id")).contains(draft).doesNotContain(published);
        assertThat(api.as(admin).get("/admin/courses?status=PUBLISHED&size=100").items("id")).contains(published)
                .doesNotContain(draft);
        assertThat(api.as(instructor).get("/admin/courses").status()).isEqualTo(403);
        assertThat(api.get("/admin/courses").status()).isEqualTo(401);
        assertThat(api.as(admin).get("/admin/courses?status=GONE").status()).isEqualTo(400);
    }

    @Test
    void courseWithLearnersIsArchivedInsteadOfDeleted() {
        String courseId = Courses.published(api, instructor, Courses.draft("Retiring"));
        jdbc.sql("UPDATE course SET enrollment_count = 1 WHERE id = ?").param(UUID.fromString(courseId)).update();
        assertThat(api.as(instructor).delete("/courses/" + courseId).status()).isEqualTo(409);

        ApiResponse archived = api.as(instructor).post("/courses/" + courseId + "/archive", null);

        assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
        assertThat(archived.text("status")).isEqualTo("ARCHIVED");
        assertThat(api.get("/courses/" + courseId).status()).isEqualTo(404);
        assertThat(api.get("/courses?search=retiring").items("id")).doesNotContain(courseId);
        assertThat(api.as(instructor).post("/courses/" + courseId + "/publish", null).status()).isEqualTo(409);
        assertThat(api.as(otherInstructor).post("/courses/" + courseId + "/archive", null).status()).isEqualTo(403);
    }

    @Test
    void browsingAnswersCarryETagsAndHonourIfNoneMatch() {
        String courseId = Courses.published(api, instructor, Courses.draft("Cache Friendly"));

        ApiResponse first = api.get("/courses/" + courseId);
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Cache-Control")).contains("no-cache").contains("public");
        ApiResponse again = api.withHeader("If-None-Match", etag).send("GET", "/courses/" + courseId, null);
        assertThat(again.status()).isEqualTo(304);

        api.as(instructor).patch("/courses/" + courseId, Map.of("subtitle", "Changed"));
        ApiResponse changed = api.withHeader("If-None-Match", etag).send("GET", "/courses/" + courseId, null);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);

        ApiResponse listing = api.get("/courses?search=cache");
        assertThat(listing.header("ETag")).isNotBlank();
        assertThat(api.withHeader("If-None-Match", listing.header("ETag")).send("GET", "/courses?search=cache", null)
                .status()).isEqualTo(304);
        assertThat(api.as(instructor).get("/courses?search=cache").header("Cache-Control")).contains("private");
        assertThat(api.get("/categories").header("ETag")).isNotBlank();
    }

    private long courseCount() {
        return jdbc.sql("SELECT count(*) FROM course").query(Long.class).single();
    }
}
