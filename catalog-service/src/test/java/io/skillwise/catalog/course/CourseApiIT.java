package io.skillwise.catalog.course;

import io.skillwise.catalog.CatalogApi;
import io.skillwise.catalog.CatalogApi.Courses;
import io.skillwise.catalog.CatalogApi.Response;
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

    CatalogApi api;
    TestUser instructor = TestUser.instructor();
    TestUser otherInstructor = TestUser.instructor();
    TestUser student = TestUser.student();
    TestUser admin = TestUser.admin();

    @BeforeEach
    void setUp() {
        api = new CatalogApi(port);
    }

    @Test
    void instructorBuildsAndPublishesACourseThatEveryoneThenFinds() {
        Response created = api.post("/courses", instructor, Courses.draft("Kotlin Coroutines in Depth"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("DRAFT");
        assertThat(created.body().get("price").get("amount").asLong()).isEqualTo(4999);
        assertThat(created.body().get("category").get("slug").asString()).isEqualTo("development");
        String courseId = created.id();

        Response module = api.post("/courses/" + courseId + "/modules", instructor, Map.of("title", "Getting started"));
        assertThat(module.status()).as(module.toString()).isEqualTo(201);
        assertThat(module.body().get("position").asInt()).isZero();

        Response lesson = api.post("/modules/" + module.id() + "/lessons", instructor,
                Map.of("title", "Why coroutines", "type", "VIDEO", "durationSeconds", 420, "preview", true,
                        "body", "https://videos.example/intro.mp4"));
        assertThat(lesson.status()).as(lesson.toString()).isEqualTo(201);

        Response published = api.post("/courses/" + courseId + "/publish", instructor, null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.text("status")).isEqualTo("PUBLISHED");

        Response details = api.get("/courses/" + courseId);
        assertThat(details.status()).isEqualTo(200);
        assertThat(details.body().get("syllabus").get(0).get("title").asString()).isEqualTo("Getting started");
        assertThat(details.body().get("syllabus").get(0).get("lessons").get(0).get("preview").asBoolean()).isTrue();
        assertThat(details.body().get("objectives").get(0).asString()).isEqualTo("Understand Kotlin Coroutines in Depth");
        assertThat(details.body().get("totalDurationSeconds").asLong()).isEqualTo(420);

        Response listing = api.get("/courses?search=coroutines");
        assertThat(listing.itemIds()).contains(courseId);
        assertThat(listing.body().get("items").get(0).get("instructor").get("id").asString())
                .isEqualTo(instructor.id().toString());
    }

    @Test
    void draftIsInvisibleToEveryoneButItsOwnerAndAdmins() {
        String courseId = api.post("/courses", instructor, Courses.draft("Secret Draft About Gardening")).id();

        assertThat(api.get("/courses/" + courseId).status()).isEqualTo(404);
        assertThat(api.get("/courses/" + courseId, student).status()).isEqualTo(404);
        assertThat(api.get("/courses/" + courseId, otherInstructor).status()).isEqualTo(404);
        assertThat(api.get("/courses/" + courseId + "/modules").status()).isEqualTo(404);
        assertThat(api.get("/courses/" + courseId, instructor).status()).isEqualTo(200);
        assertThat(api.get("/courses/" + courseId, admin).status()).isEqualTo(200);

        assertThat(api.get("/courses?search=gardening").itemIds()).doesNotContain(courseId);
        assertThat(api.get("/courses?search=gardening", student).itemIds()).doesNotContain(courseId);
        assertThat(api.get("/courses?search=gardening", instructor).itemIds()).contains(courseId);
    }

    @Test
    void publishingAnIncompleteCourseSaysWhatIsMissing() {
        Map<String, Object> request = Courses.draft("Half Done");
        request.remove("category");
        request.remove("price");
        request.remove("objectives");
        String courseId = api.post("/courses", instructor, request).id();

        Response refused = api.post("/courses/" + courseId + "/publish", instructor, null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("detail")).contains("module with at least one lesson", "price", "category",
                "objectives");
        assertThat(api.get("/courses/" + courseId, instructor).text("status")).isEqualTo("DRAFT");
    }

    @Test
    void anInstructorWithoutASecondFactorCannotPublish() {
        String courseId = api.post("/courses", instructor, Courses.draft("Needs MFA")).id();
        String module = api.post("/courses/" + courseId + "/modules", instructor, Map.of("title", "Basics")).id();
        api.post("/modules/" + module + "/lessons", instructor, Courses.lesson("Welcome", true));
        String withoutSecondFactor = "Bearer " + TestTokens.shared().token(instructor,
                claims -> claims.remove("mfa_enabled"));

        Response refused = api.send("POST", "/courses/" + courseId + "/publish", null, null,
                Map.of("Authorization", withoutSecondFactor));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("type")).endsWith("mfa-required");
        assertThat(api.get("/courses/" + courseId, instructor).text("status")).isEqualTo("DRAFT");
        assertThat(api.post("/courses/" + courseId + "/publish", instructor, null).status())
                .as("the same instructor once the token says TOTP is on").isEqualTo(200);
    }

    @Test
    void freeCoursePublishesWithoutAPriceAndUnpublishHidesIt() {
        Map<String, Object> request = Courses.draft("Free Intro to Git");
        request.remove("price");
        request.put("free", true);
        String courseId = api.publishedCourse(instructor, request);
        assertThat(api.get("/courses/" + courseId).body().get("free").asBoolean()).isTrue();

        Response unpublished = api.post("/courses/" + courseId + "/unpublish", instructor, null);

        assertThat(unpublished.text("status")).isEqualTo("UNPUBLISHED");
        assertThat(api.get("/courses/" + courseId).status()).isEqualTo(404);
        assertThat(api.post("/courses/" + courseId + "/unpublish", instructor, null).status()).isEqualTo(409);
    }

    @Test
    void ownerPatchesOnlyWhatIsSent() {
        String courseId = api.post("/courses", instructor, Courses.draft("Patch Me")).id();

        Response patched = api.patch("/courses/" + courseId, instructor,
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
        String courseId = api.post("/courses", instructor, Courses.draft("Stays As It Is")).id();

        Response negativePrice = api.patch("/courses/" + courseId, instructor,
                Map.of("price", Map.of("amount", -1, "currency", "USD")));
        Response unknownCategory = api.patch("/courses/" + courseId, instructor,
                Map.of("title", "Renamed", "category", "no-such-category"));
        Response unknownField = api.patch("/courses/" + courseId, instructor,
                Map.of("title", "Renamed", "instructorId", UUID.randomUUID().toString()));
        Response readOnlyStatus = api.patch("/courses/" + courseId, instructor, Map.of("status", "PUBLISHED"));
        Response badCurrency = api.patch("/courses/" + courseId, instructor,
                Map.of("price", Map.of("amount", 100, "currency", "dollars")));

        for (Response refused : List.of(negativePrice, unknownCategory, unknownField, readOnlyStatus, badCurrency)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(negativePrice.body().get("errors")).as(negativePrice.toString()).isNotNull();
        assertThat(negativePrice.body().get("errors").get(0).get("field").asString()).isEqualTo("price.amount");
        Response unchanged = api.get("/courses/" + courseId, instructor);
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

        assertThat(api.post("/courses", instructor, unknownCategory).status()).isEqualTo(400);
        assertThat(api.post("/courses", instructor, negative).status()).isEqualTo(400);
        assertThat(courseCount()).isEqualTo(before);
    }

    @Test
    void onlyInstructorsAndAdminsCreateCourses() {
        assertThat(api.post("/courses", student, Courses.draft("Not Mine To Make")).status()).isEqualTo(403);
        assertThat(api.post("/courses", null, Courses.draft("Anonymous")).status()).isEqualTo(401);
        assertThat(api.post("/courses", admin, Courses.draft("Made By Staff")).status()).isEqualTo(201);
    }

    @Test
    void anotherInstructorCannotTouchTheCourse() {
        String courseId = api.publishedCourse(instructor, Courses.draft("Mine Alone"));

        assertThat(api.patch("/courses/" + courseId, otherInstructor, Map.of("title", "Stolen")).status()).isEqualTo(403);
        assertThat(api.post("/courses/" + courseId + "/unpublish", otherInstructor, null).status()).isEqualTo(403);
        assertThat(api.delete("/courses/" + courseId, otherInstructor).status()).isEqualTo(403);
        assertThat(api.delete("/courses/" + courseId, student).status()).isEqualTo(403);

        Response course = api.get("/courses/" + courseId);
        assertThat(course.text("title")).isEqualTo("Mine Alone");
        assertThat(course.text("status")).isEqualTo("PUBLISHED");
        assertThat(api.patch("/courses/" + courseId, admin, Map.of("title", "Fixed by admin")).status()).isEqualTo(200);
    }

    @Test
    void deletingRemovesTheCourseUnlessLearnersEnrolled() {
        String draft = api.post("/courses", instructor, Courses.draft("Short Lived")).id();
        assertThat(api.delete("/courses/" + draft, instructor).status()).isEqualTo(204);
        assertThat(api.get("/courses/" + draft, instructor).status()).isEqualTo(404);

        String popular = api.publishedCourse(instructor, Courses.draft("Has Learners"));
        // enrollment counts arrive from enrollment events; set it as that replica will
        jdbc.sql("UPDATE course SET enrollment_count = 3 WHERE id = ?").param(UUID.fromString(popular)).update();
        Response refused = api.delete("/courses/" + popular, instructor);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(api.get("/courses/" + popular).status()).isEqualTo(200);
    }

    @Test
    void adminUnpublishesAnInstructorsCourseOnlyWithAReason() {
        String courseId = api.publishedCourse(instructor, Courses.draft("Against The Rules"));

        Response withoutReason = api.post("/courses/" + courseId + "/unpublish", admin, null);
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(api.get("/courses/" + courseId).text("status")).isEqualTo("PUBLISHED");

        Response unpublished = api.post("/courses/" + courseId + "/unpublish", admin,
                Map.of("reason", "Copyrighted material"));
        assertThat(unpublished.status()).as(unpublished.toString()).isEqualTo(200);
        assertThat(unpublished.text("status")).isEqualTo("UNPUBLISHED");
    }

    @Test
    void adminListsEveryCourseByStatus() {
        String draft = api.post("/courses", instructor, Courses.draft("Admin Sees Drafts")).id();
        String published = api.publishedCourse(otherInstructor, Courses.draft("Admin Sees Published"));

        Response drafts = api.get("/admin/courses?status=DRAFT&size=100", admin);
        assertThat(drafts.status()).isEqualTo(200);
        assertThat(drafts.itemIds()).contains(draft).doesNotContain(published);
        assertThat(api.get("/admin/courses?status=PUBLISHED&size=100", admin).itemIds()).contains(published)
                .doesNotContain(draft);
        assertThat(api.get("/admin/courses", instructor).status()).isEqualTo(403);
        assertThat(api.get("/admin/courses").status()).isEqualTo(401);
        assertThat(api.get("/admin/courses?status=GONE", admin).status()).isEqualTo(400);
    }

    @Test
    void courseWithLearnersIsArchivedInsteadOfDeleted() {
        String courseId = api.publishedCourse(instructor, Courses.draft("Retiring"));
        jdbc.sql("UPDATE course SET enrollment_count = 1 WHERE id = ?").param(UUID.fromString(courseId)).update();
        assertThat(api.delete("/courses/" + courseId, instructor).status()).isEqualTo(409);

        Response archived = api.post("/courses/" + courseId + "/archive", instructor, null);

        assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
        assertThat(archived.text("status")).isEqualTo("ARCHIVED");
        assertThat(api.get("/courses/" + courseId).status()).isEqualTo(404);
        assertThat(api.get("/courses?search=retiring").itemIds()).doesNotContain(courseId);
        assertThat(api.post("/courses/" + courseId + "/publish", instructor, null).status()).isEqualTo(409);
        assertThat(api.post("/courses/" + courseId + "/archive", otherInstructor, null).status()).isEqualTo(403);
    }

    @Test
    void browsingAnswersCarryETagsAndHonourIfNoneMatch() {
        String courseId = api.publishedCourse(instructor, Courses.draft("Cache Friendly"));

        Response first = api.get("/courses/" + courseId);
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Cache-Control")).contains("no-cache").contains("public");
        Response again = api.send("GET", "/courses/" + courseId, null, null, Map.of("If-None-Match", etag));
        assertThat(again.status()).isEqualTo(304);

        api.patch("/courses/" + courseId, instructor, Map.of("subtitle", "Changed"));
        Response changed = api.send("GET", "/courses/" + courseId, null, null, Map.of("If-None-Match", etag));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);

        Response listing = api.get("/courses?search=cache");
        assertThat(listing.header("ETag")).isNotBlank();
        assertThat(api.send("GET", "/courses?search=cache", null, null, Map.of("If-None-Match", listing.header("ETag")))
                .status()).isEqualTo(304);
        assertThat(api.get("/courses?search=cache", instructor).header("Cache-Control")).contains("private");
        assertThat(api.get("/categories").header("ETag")).isNotBlank();
    }

    private long courseCount() {
        return jdbc.sql("SELECT count(*) FROM course").query(Long.class).single();
    }
}
