package io.skillwise.enrollment.enrollment;

import io.skillwise.enrollment.support.Courses;
import io.skillwise.enrollment.support.EnrollmentApiTest;
import io.skillwise.enrollment.support.Orders;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.enrollment.EnrollmentRevoked;
import io.skillwise.events.enrollment.RevocationReason;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.skillwise.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Support's side: admins list any learner's enrollments and revoke one by hand; nobody else may. */
class AdminEnrollmentIT extends EnrollmentApiTest {

    @Autowired
    JdbcClient jdbc;

    private final TestUser admin = TestUser.admin();

    @Test
    void adminRevokesAnEnrollmentOnceWithTheAdminNamedInTheEvent() {
        TestUser learner = TestUser.student();
        String enrollment = purchased(learner, Courses.published(instructor.id(), false, Courses.lesson("A")));

        ApiResponse revoked = api.as(admin).post("/admin/enrollments/" + enrollment + "/revoke",
                Map.of("reason", "chargeback settled by bank transfer"));

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.text("status")).isEqualTo("REVOKED");
        assertThat(revoked.text("studentId")).isEqualTo(learner.id().toString());
        assertThat(api.as(learner).get("/enrollments/" + enrollment).text("status")).isEqualTo("REVOKED");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                enrollmentEventsOf(learner).stream().filter(EnrollmentRevoked.class::isInstance)
                        .map(EnrollmentRevoked.class::cast).toList())
                .singleElement().satisfies(event -> {
                    assertThat(event.enrollmentId().toString()).isEqualTo(enrollment);
                    assertThat(event.reason()).isEqualTo(RevocationReason.ADMIN);
                    assertThat(event.actorId()).isEqualTo(admin.id());
                    assertThat(event.orderId()).isNull();
                }));
        assertThat(jdbc.sql("select reason from enrollment_revocation where enrollment_id = :id")
                .param("id", UUID.fromString(enrollment)).query(String.class).list())
                .containsExactly("chargeback settled by bank transfer");

        ApiResponse again = api.as(admin).post("/admin/enrollments/" + enrollment + "/revoke", Map.of("reason",
                "twice"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).endsWith("already-revoked");
    }

    @Test
    void onlyAdminsRevokeAndBadInputChangesNothing() {
        TestUser learner = TestUser.student();
        String enrollment = purchased(learner, Courses.published(instructor.id(), false, Courses.lesson("A")));
        String path = "/admin/enrollments/" + enrollment + "/revoke";

        assertThat(api.as(learner).post(path, Map.of("reason", "mine")).status()).isEqualTo(403);
        assertThat(api.as(instructor).post(path, Map.of("reason", "my student")).status()).isEqualTo(403);
        assertThat(api.post(path, Map.of("reason", "anonymous")).status()).isEqualTo(401);
        assertThat(api.as(admin).post(path, Map.of("reason", " ")).status()).isEqualTo(400);
        assertThat(api.as(admin).post(path, Map.of()).status()).isEqualTo(400);
        assertThat(api.as(admin).post(path, Map.of("reason", "x".repeat(1001))).status()).isEqualTo(400);
        assertThat(api.as(admin).post("/admin/enrollments/" + UUID.randomUUID() + "/revoke", Map.of("reason", "who?"))
                .status()).isEqualTo(404);

        assertThat(api.as(learner).get("/enrollments/" + enrollment).text("status")).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("select count(*) from enrollment_revocation where enrollment_id = :id")
                .param("id", UUID.fromString(enrollment)).query(Long.class).single()).isZero();
    }

    @Test
    void adminListsEnrollmentsByLearnerCourseAndStatus() {
        TestUser first = TestUser.student();
        TestUser second = TestUser.student();
        CoursePublished shared = Courses.published(instructor.id(), false, Courses.lesson("A"), Courses.lesson("B"));
        CoursePublished other = Courses.published(instructor.id(), false, Courses.lesson("C"));
        String firstShared = purchased(first, shared);
        purchased(first, other);
        String secondShared = purchased(second, shared);
        api.as(admin).post("/admin/enrollments/" + secondShared + "/revoke", Map.of("reason", "abuse"));

        assertThat(items(api.as(admin).get("/admin/enrollments?userId=" + first.id())))
                .extracting(e -> e.path("courseId").asString())
                .containsExactlyInAnyOrder(shared.courseId().toString(), other.courseId().toString());
        List<JsonNode> ofCourse = items(api.as(admin).get("/admin/enrollments?courseId=" + shared.courseId()));
        assertThat(ofCourse).extracting(e -> e.path("id").asString())
                .containsExactlyInAnyOrder(firstShared, secondShared);
        assertThat(ofCourse).allSatisfy(e -> assertThat(e.path("progress").path("totalLessons").asInt()).isEqualTo(2));
        assertThat(items(api.as(admin).get("/admin/enrollments?courseId=" + shared.courseId() + "&status=REVOKED")))
                .singleElement().satisfies(e -> {
                    assertThat(e.path("id").asString()).isEqualTo(secondShared);
                    assertThat(e.path("studentId").asString()).isEqualTo(second.id().toString());
                    assertThat(e.path("source").asString()).isEqualTo("PURCHASE");
                    assertThat(e.path("orderId").asString()).isNotBlank();
                });
        assertThat(items(api.as(admin).get("/admin/enrollments?userId=" + first.id() + "&status=active"))).hasSize(2);

        ApiResponse page = api.as(admin).get("/admin/enrollments?userId=" + first.id() + "&size=1&page=1");
        assertThat(page.body().path("totalItems").asInt()).isEqualTo(2);
        assertThat(page.body().path("totalPages").asInt()).isEqualTo(2);
        assertThat(page.body().path("items")).hasSize(1);

        assertThat(api.as(admin).get("/admin/enrollments?status=GONE").status()).isEqualTo(400);
        assertThat(api.as(admin).get("/admin/enrollments?userId=not-a-uuid").status()).isEqualTo(400);
        assertThat(api.as(admin).get("/admin/enrollments?size=101").status()).isEqualTo(400);
        assertThat(api.as(first).get("/admin/enrollments?userId=" + first.id()).status()).isEqualTo(403);
        assertThat(api.as(instructor).get("/admin/enrollments").status()).isEqualTo(403);
    }

    /** Buys the course through a payment event and answers the enrollment id once it and its curriculum are there. */
    private String purchased(TestUser learner, CoursePublished course) {
        topics.publish(course);
        CoursePurchased purchase = Orders.purchase(learner.id(), course);
        topics.publish(purchase);
        return eventually(PATIENCE, () -> items(api.as(learner).get("/enrollments")).stream()
                        .filter(e -> e.path("courseId").asString().equals(course.courseId().toString()))
                        // the curriculum travels on another topic; wait for it too, so progress figures are settled
                        .filter(e -> e.path("progress").path("totalLessons").asInt() > 0)
                        .map(e -> e.path("id").asString()).findFirst().orElse(null),
                id -> assertThat(id).as("enrollment with its curriculum").isNotNull());
    }

    private static List<JsonNode> items(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.body().path("items").forEach(items::add);
        return items;
    }
}
