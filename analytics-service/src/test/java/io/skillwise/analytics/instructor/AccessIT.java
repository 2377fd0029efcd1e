package io.skillwise.analytics.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import io.skillwise.analytics.support.AnalyticsApiTest;
import io.skillwise.analytics.support.Events;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestTokens;
import io.skillwise.testsupport.TestUser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

/** Who sees which figures (object-level authorization and roles), and what bad parameters get. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "skillwise.analytics.projection.topic-suffix=.access")
class AccessIT extends AnalyticsApiTest {

    private final TestUser owner = TestUser.instructor();
    private final TestUser otherInstructor = TestUser.instructor();
    private final CoursePublished course = Events.published(UUID.randomUUID(), owner.id(), "Owned", 1000, 1,
            Instant.now().minusSeconds(3600));
    private final CoursePublished othersCourse = Events.published(UUID.randomUUID(), otherInstructor.id(), "Other's",
            1000, 1, Instant.now().minusSeconds(3600));

    @BeforeAll
    void publishTwoInstructorsCourses() {
        connect();
        publish(List.of(course, othersCourse));
        awaitCaughtUp();
    }

    @Test
    void instructorSeesOwnFiguresOnly() {
        assertThat(api.as(owner).get("/instructors/dashboard").assertStatus(200).body().path("instructorId").asString())
                .isEqualTo(owner.id().toString());
        api.as(owner).get("/instructors/dashboard?instructorId=" + otherInstructor.id()).assertProblem(403);
        api.as(owner).get("/instructors/courses?instructorId=" + otherInstructor.id()).assertProblem(403);
        api.as(owner).get("/instructors/reports/sales?instructorId=" + otherInstructor.id()).assertProblem(403);
        api.as(owner).get("/instructors/reports/transactions?instructorId=" + otherInstructor.id()).assertProblem(403);
    }

    @Test
    void anotherInstructorsCourseIsForbiddenAndAnUnknownOneNotFound() {
        api.as(owner).get("/instructors/reports/sales?courseId=" + othersCourse.courseId()).assertProblem(403);
        api.as(owner).get("/instructors/reports/transactions?courseId=" + othersCourse.courseId()).assertProblem(403);
        api.as(owner).get("/instructors/reports/sales?courseId=" + UUID.randomUUID()).assertProblem(404);
        api.as(owner).get("/instructors/reports/sales?courseId=" + course.courseId()).assertStatus(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/instructors/dashboard", "/instructors/courses", "/instructors/reports/sales",
            "/instructors/reports/transactions"})
    void studentsAreForbidden(String path) {
        api.as(TestUser.student()).get(path).assertProblem(403);
    }

    @Test
    void instructorsWithoutASecondFactorSeeNoMoney() {
        String token = TestTokens.shared().token(owner, claims -> claims.remove("mfa_enabled"));

        ApiResponse refused = api.withToken(token).get("/instructors/dashboard").assertProblem(403);

        assertThat(refused.body().path("type").asString()).endsWith("/mfa-required");
    }

    @Test
    void adminsNameTheInstructor() {
        assertThat(api.as(admin).get("/instructors/dashboard?instructorId=" + owner.id()).assertStatus(200)
                .body().path("instructorId").asString()).isEqualTo(owner.id().toString());
        api.as(admin).get("/instructors/dashboard").assertProblem(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/analytics", "/admin/analytics/reports/sales", "/admin/analytics/projections"})
    void adminFiguresAreForAdminsOnly(String path) {
        api.as(owner).get(path).assertProblem(403);
        api.as(TestUser.student()).get(path).assertProblem(403);
        api.as(owner).post("/admin/analytics/projections/rebuild", null).assertProblem(403);
        api.anonymous().get(path).assertProblem(401);
    }

    @Test
    void fromAfterToIsBadRequest() {
        ApiResponse problem = api.as(owner).get("/instructors/reports/sales?from=2026-02-01&to=2026-01-01")
                .assertProblem(400);

        assertThat(problem.body().path("detail").asString()).contains("after");
        api.as(admin).get("/admin/analytics?from=2026-02-01&to=2026-01-01").assertProblem(400);
        api.as(owner).get("/instructors/reports/transactions?from=2026-02-01&to=2026-01-01").assertProblem(400);
    }

    @Test
    void unknownGranularityIsBadRequest() {
        ApiResponse problem = api.as(owner).get("/instructors/reports/sales?granularity=hour").assertProblem(400);

        assertThat(problem.body().path("detail").asString()).contains("day, week, month");
        api.as(admin).get("/admin/analytics?granularity=year").assertProblem(400);
    }

    @Test
    void aYearOfDaysIsOverTheRowLimitButAYearOfWeeksIsNot() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String year = "from=" + today.minusYears(1) + "&to=" + today;

        ApiResponse problem = api.as(owner).get("/instructors/reports/sales?granularity=day&" + year)
                .assertProblem(400);

        assertThat(problem.body().path("detail").asString()).contains("at most 100");
        api.as(owner).get("/instructors/reports/sales?granularity=week&" + year).assertStatus(200);
        api.as(admin).get("/admin/analytics/reports/sales?granularity=day&" + year).assertProblem(400);
    }

    @Test
    void malformedParametersAreBadRequest() {
        api.as(owner).get("/instructors/reports/sales?from=yesterday").assertProblem(400);
        api.as(owner).get("/instructors/reports/sales?courseId=not-a-uuid").assertProblem(400);
        api.as(owner).get("/instructors/courses?size=0").assertProblem(400);
        api.as(owner).get("/instructors/reports/transactions?page=-1").assertProblem(400);
        api.as(admin).get("/admin/analytics?top=0").assertProblem(400);
    }
}
