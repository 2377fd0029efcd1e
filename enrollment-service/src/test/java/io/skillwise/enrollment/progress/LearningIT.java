package io.skillwise.enrollment.progress;

import io.skillwise.enrollment.support.EnrollmentApiTest;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.enrollment.replica.PeopleService;
import io.skillwise.enrollment.support.Courses;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.LessonOutline;
import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.enrollment.EnrollmentEvent;
import io.skillwise.events.enrollment.LessonCompleted;
import io.skillwise.events.enrollment.QuizGraded;
import io.skillwise.events.identity.UserRegistered;
import io.skillwise.events.identity.UserRole;
import io.skillwise.testsupport.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Learning through the API: progress, drip, quizzes, certificates, the instructor's view, and who may see what. */
class LearningIT extends EnrollmentApiTest {

    @Autowired
    PeopleService people;

    @Test
    void progressToCompletionEmitsEventsAndIssuesAVerifiableCertificate() {
        TestUser learner = TestUser.student();
        topics.publish(new UserRegistered(instructor.id(), instructor.email(), "Grace Hopper",
                List.of(UserRole.STUDENT, UserRole.INSTRUCTOR), false, Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(people.displayName(instructor.id())).isPresent());
        LessonOutline first = Courses.lesson("First");
        LessonOutline second = Courses.lesson("Second");
        CoursePublished course = Courses.published(instructor.id(), true, first, second);
        String enrollment = enrolledIn(course, learner);

        ApiResponse half = complete(enrollment, first.lessonId(), learner);
        assertThat(half.status()).isEqualTo(200);
        assertThat(half.body().path("percent").asInt()).isEqualTo(50);
        assertThat(complete(enrollment, first.lessonId(), learner).body().path("completedLessons").asInt())
                .as("completing a lesson again changes nothing").isEqualTo(1);
        ApiResponse all = complete(enrollment, second.lessonId(), learner);
        assertThat(all.body().path("percent").asInt()).isEqualTo(100);
        assertThat(all.text("status")).isEqualTo("COMPLETED");

        ApiResponse read = api.as(learner).get("/enrollments/" + enrollment);
        assertThat(read.text("status")).isEqualTo("COMPLETED");
        assertThat(read.text("completedAt")).isNotBlank();
        ApiResponse progress = api.as(learner).get("/progress/" + course.courseId());
        assertThat(progress.status()).isEqualTo(200);
        assertThat(progress.text("enrollmentId")).isEqualTo(enrollment);
        assertThat(progress.body().path("lessons")).hasSize(2);
        assertThat(progress.body().path("lessons").get(0).path("completed").asBoolean()).isTrue();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(enrollmentEventsOf(learner))
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly("StudentEnrolled", "LessonCompleted", "LessonCompleted", "CourseCompleted"));
        List<EnrollmentEvent> events = enrollmentEventsOf(learner);
        assertThat(((LessonCompleted) events.get(2)).progressPercent()).isEqualTo(100);
        CourseCompleted completed = (CourseCompleted) events.get(3);
        assertThat(completed.instructorId()).isEqualTo(instructor.id());
        assertThat(completed.certificateCode()).isNotBlank();

        ApiResponse pdf = api.as(learner).get("/enrollments/" + enrollment + "/certificate");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(new String(pdf.raw(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        ApiResponse verified = api.get("/certificates/" + completed.certificateCode());
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().path("valid").asBoolean()).isTrue();
        assertThat(verified.text("courseTitle")).isEqualTo(course.title());
        // identity never told us the learner's name, so the token's is printed; the instructor's comes from identity
        assertThat(verified.text("learnerName")).isEqualTo(learner.email());
        assertThat(verified.text("instructorName")).isEqualTo("Grace Hopper");
        assertThat(api.get("/certificates/SW-0000-0000-0000").status()).isEqualTo(404);
    }

    @Test
    void certificateOfAnUnfinishedCourseIsRefused() {
        TestUser learner = TestUser.student();
        CoursePublished course = Courses.published(instructor.id(), true, Courses.lesson("Only"));
        String enrollment = enrolledIn(course, learner);

        assertThat(api.as(learner).get("/enrollments/" + enrollment + "/certificate").status()).isEqualTo(409);
    }

    @Test
    void lessonNotInTheCourseIs400() {
        TestUser learner = TestUser.student();
        CoursePublished course = Courses.published(instructor.id(), true, Courses.lesson("Only"));
        String enrollment = enrolledIn(course, learner);

        ApiResponse response = complete(enrollment, UUID.randomUUID(), learner);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void drippedLessonCannotBeCompletedBeforeItOpens() {
        TestUser learner = TestUser.student();
        Instant opens = Instant.now().plus(Duration.ofDays(3));
        LessonOutline later = Courses.lessonOpeningAt("Live session", opens);
        CoursePublished course = Courses.published(instructor.id(), true, Courses.lesson("Now"), later);
        String enrollment = enrolledIn(course, learner);

        ApiResponse refused = complete(enrollment, later.lessonId(), learner);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("opens at").contains(opens.toString().substring(0, 10));
        assertThat(api.as(learner).get("/progress/" + course.courseId()).body().path("completedLessons").asInt())
                .isZero();
    }

    @Test
    void lessonsAddedLaterCountAndRemovedOnesStopCounting() {
        TestUser learner = TestUser.student();
        LessonOutline kept = Courses.lesson("Kept");
        LessonOutline removed = Courses.lesson("Removed");
        CoursePublished course = Courses.published(instructor.id(), true, kept, removed);
        String enrollment = enrolledIn(course, learner);
        complete(enrollment, kept.lessonId(), learner);
        complete(enrollment, removed.lessonId(), learner);

        LessonOutline added = Courses.lesson("Added");
        topics.publish(Courses.updated(course, 2, kept, added));
        // a stale snapshot arriving late (redelivery) must not undo the newer curriculum
        topics.publish(Courses.updated(course, 1, kept, removed));

        await().atMost(PATIENCE).untilAsserted(() -> {
            ApiResponse progress = api.as(learner).get("/progress/" + course.courseId());
            assertThat(progress.body().path("totalLessons").asInt()).isEqualTo(2);
            assertThat(progress.body().path("completedLessons").asInt()).isEqualTo(1);
            assertThat(progress.body().path("percent").asInt()).isEqualTo(50);
        });
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).untilAsserted(() -> assertThat(
                api.as(learner).get("/progress/" + course.courseId()).body().path("lessons").get(1).path("lessonId")
                        .asString()).isEqualTo(added.lessonId().toString()));
    }

    @Test
    void removingTheLastOpenLessonCompletesTheCourse() {
        TestUser learner = TestUser.student();
        LessonOutline done = Courses.lesson("Done");
        LessonOutline dropped = Courses.lesson("Dropped");
        CoursePublished course = Courses.published(instructor.id(), true, done, dropped);
        String enrollment = enrolledIn(course, learner);
        complete(enrollment, done.lessonId(), learner);

        topics.publish(Courses.updated(course, 2, done));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.as(learner).get("/enrollments/" + enrollment)
                .text("status")).isEqualTo("COMPLETED"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(enrollmentEventsOf(learner))
                .filteredOn(CourseCompleted.class::isInstance).hasSize(1));
        assertThat(api.as(learner).get("/enrollments/" + enrollment + "/certificate").status()).isEqualTo(200);
    }

    @Test
    void quizAttemptsAreGradedRecordedAndLimitedAndAPassCompletesTheLesson() {
        TestUser learner = TestUser.student();
        LessonOutline quiz = Courses.quizLesson("Check", 100, 2);
        CoursePublished course = Courses.published(instructor.id(), true, Courses.lesson("Read"), quiz);
        String enrollment = enrolledIn(course, learner);
        String path = "/lessons/" + quiz.lessonId() + "/quiz-attempts";

        ApiResponse failed = api.as(learner).post(path, Map.of("answers", List.of(answer(0, 1), answer(1, 0))));
        assertThat(failed.status()).isEqualTo(201);
        assertThat(failed.body().path("score").asInt()).isEqualTo(50);
        assertThat(failed.body().path("passed").asBoolean()).isFalse();
        assertThat(new String(failed.raw(), StandardCharsets.UTF_8)).doesNotContain("correctOptions");

        ApiResponse passed = api.as(learner).post(path, Map.of("answers", List.of(answer(0, 1), answer(1, 2, 0))));
        assertThat(passed.status()).isEqualTo(201);
        assertThat(passed.body().path("score").asInt()).isEqualTo(100);
        assertThat(passed.body().path("passed").asBoolean()).isTrue();
        assertThat(passed.body().path("bestScore").asInt()).isEqualTo(100);
        assertThat(passed.body().path("attemptNumber").asInt()).isEqualTo(2);

        ApiResponse exhausted = api.as(learner).post(path, Map.of("answers", List.of(answer(0, 1))));
        assertThat(exhausted.status()).isEqualTo(409);

        ApiResponse progress = api.as(learner).get("/progress/" + course.courseId());
        assertThat(progress.body().path("lessons").get(1).path("completed").asBoolean()).isTrue();
        assertThat(complete(enrollment, quiz.lessonId(), learner).status())
                .as("a quiz lesson is completed by passing it, not by saying so").isEqualTo(400);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(enrollmentEventsOf(learner).stream()
                .filter(QuizGraded.class::isInstance).map(QuizGraded.class::cast).toList())
                .extracting(QuizGraded::score, QuizGraded::passed, QuizGraded::bestScore)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(50, false, 50),
                        org.assertj.core.groups.Tuple.tuple(100, true, 100)));
    }

    @Test
    void invalidAnswersAre400() {
        TestUser learner = TestUser.student();
        LessonOutline quiz = Courses.quizLesson("Check", 50, null);
        CoursePublished course = Courses.published(instructor.id(), true, quiz);
        enrolledIn(course, learner);

        ApiResponse response = api.as(learner).post("/lessons/" + quiz.lessonId() + "/quiz-attempts",
                Map.of("answers", List.of(answer(7, 0))));

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void anotherLearnerCannotReadOrChangeProgressOrCertificate() {
        TestUser owner = TestUser.student();
        TestUser other = TestUser.student();
        LessonOutline lesson = Courses.lesson("Only");
        LessonOutline quiz = Courses.quizLesson("Check", 50, null);
        CoursePublished course = Courses.published(instructor.id(), true, lesson, quiz);
        String enrollment = enrolledIn(course, owner);

        assertThat(complete(enrollment, lesson.lessonId(), other).status()).isEqualTo(404);
        assertThat(api.as(other).get("/progress/" + course.courseId()).status()).isEqualTo(404);
        assertThat(api.as(other).get("/enrollments/" + enrollment + "/certificate").status()).isEqualTo(404);
        assertThat(api.as(other).post("/lessons/" + quiz.lessonId() + "/quiz-attempts",
                Map.of("answers", List.of(answer(0, 1)))).status()).isEqualTo(403);
        assertThat(api.as(owner).get("/progress/" + course.courseId()).body().path("completedLessons").asInt())
                .isZero();
    }

    @Test
    void instructorListsStudentsOfOwnCourseOnly() {
        TestUser learner = TestUser.student();
        LessonOutline lesson = Courses.lesson("One");
        CoursePublished course = Courses.published(instructor.id(), true, lesson, Courses.lesson("Two"));
        String enrollment = enrolledIn(course, learner);
        complete(enrollment, lesson.lessonId(), learner);
        String path = "/instructors/courses/" + course.courseId() + "/students";

        ApiResponse own = api.as(instructor).get(path);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().path("totalItems").asInt()).isEqualTo(1);
        assertThat(own.body().path("items").get(0).path("studentId").asString()).isEqualTo(learner.id().toString());
        assertThat(own.body().path("items").get(0).path("progress").path("percent").asInt()).isEqualTo(50);
        assertThat(own.body().path("items").get(0).path("lastActivityAt").asString()).isNotBlank();

        assertThat(api.as(TestUser.instructor()).get(path).status()).isEqualTo(403);
        assertThat(api.as(learner).get(path).status()).isEqualTo(403);
        assertThat(api.as(TestUser.admin()).get(path).status()).isEqualTo(200);
        assertThat(api.as(instructor).get("/instructors/courses/" + UUID.randomUUID() + "/students").status())
                .isEqualTo(404);
    }

    @Test
    void heartbeatsRecordBoundedTimeAndLiveAttendanceForTheInstructor() {
        TestUser learner = TestUser.student();
        LessonOutline reading = Courses.lesson("Reading");
        LessonOutline live = Courses.lessonOpeningAt("Live Q&A", Instant.now().minus(Duration.ofMinutes(10)));
        LessonOutline later = Courses.lessonOpeningAt("Next week", Instant.now().plus(Duration.ofDays(7)));
        CoursePublished course = Courses.published(instructor.id(), true, reading, live, later);
        enrolledIn(course, learner);

        ApiResponse first = heartbeat(reading.lessonId(), 30, learner);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("secondsSpent").asLong()).isEqualTo(30);
        ApiResponse replayed = heartbeat(reading.lessonId(), 30, learner);
        assertThat(replayed.body().path("secondsSpent").asLong()).as("credited at most the time since the last one")
                .isLessThanOrEqualTo(32);
        assertThat(heartbeat(live.lessonId(), 20, learner).body().path("attendedLive").asBoolean()).isTrue();
        assertThat(heartbeat(later.lessonId(), 20, learner).status()).isEqualTo(409);
        assertThat(heartbeat(reading.lessonId(), 100_000, learner).status()).isEqualTo(400);
        assertThat(heartbeat(reading.lessonId(), 20, TestUser.student()).status()).isEqualTo(403);

        ApiResponse students = api.as(instructor).get("/instructors/courses/" + course.courseId() + "/students");
        assertThat(students.body().path("items").get(0).path("engagement").path("secondsSpent").asLong())
                .isGreaterThanOrEqualTo(50);
        assertThat(students.body().path("items").get(0).path("engagement").path("attendedLiveLessons").asInt())
                .isEqualTo(1);
        assertThat(students.body().path("items").get(0).path("lastActivityAt").asString()).isNotBlank();
    }

    private ApiResponse heartbeat(UUID lessonId, long seconds, TestUser learner) {
        return api.as(learner).post("/lessons/" + lessonId + "/activity", Map.of("seconds", seconds));
    }

    private ApiResponse complete(String enrollment, UUID lessonId, TestUser learner) {
        return api.as(learner).patch("/enrollments/" + enrollment + "/progress",
                Map.of("lessonId", lessonId, "completed", true));
    }

    private static Map<String, Object> answer(int question, Integer... options) {
        return Map.of("questionIndex", question, "selectedOptions", List.of(options));
    }
}
