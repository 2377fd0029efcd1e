package io.skillwise.enrollment.progress;

import io.skillwise.testsupport.ApiResponse;
import io.skillwise.enrollment.people.PeopleService;
import io.skillwise.enrollment.support.Api;
import io.skillwise.enrollment.support.Courses;
import io.skillwise.enrollment.support.Topics;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.LessonOutline;
import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.enrollment.EnrollmentEvent;
import io.skillwise.events.enrollment.LessonCompleted;
import io.skillwise.events.enrollment.QuizGraded;
import io.skillwise.events.identity.UserRegistered;
import io.skillwise.events.identity.UserRole;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Learning through the API: progress, drip, quizzes, certificates, the instructor's view, and who may see what. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
class LearningIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Autowired
    PeopleService people;

    private Api api;
    private Topics topics;
    private final TestUser instructor = TestUser.instructor();

    @BeforeEach
    void setUp() {
        api = new Api(port);
        topics = new Topics(kafka);
    }

    @Test
    void progressToCompletionEmitsEventsAndIssuesAVerifiableCertificate() {
        TestUser learner = TestUser.student();
        topics.send(new UserRegistered(instructor.id(), instructor.email(), "Grace Hopper",
                List.of(UserRole.STUDENT, UserRole.INSTRUCTOR), false, Instant.now()));
        await().atMost(PATIENCE).until(() -> people.displayName(instructor.id()).isPresent());
        LessonOutline first = Courses.lesson("First");
        LessonOutline second = Courses.lesson("Second");
        CoursePublished course = Courses.published(instructor.id(), true, first, second);
        String enrollment = enrollIn(course, learner);

        ApiResponse half = complete(enrollment, first.lessonId(), learner);
        assertThat(half.status()).isEqualTo(200);
        assertThat(half.body().path("percent").asInt()).isEqualTo(50);
        assertThat(complete(enrollment, first.lessonId(), learner).body().path("completedLessons").asInt())
                .as("completing a lesson again changes nothing").isEqualTo(1);
        ApiResponse all = complete(enrollment, second.lessonId(), learner);
        assertThat(all.body().path("percent").asInt()).isEqualTo(100);
        assertThat(all.text("status")).isEqualTo("COMPLETED");

        ApiResponse read = api.get("/enrollments/" + enrollment, learner);
        assertThat(read.text("status")).isEqualTo("COMPLETED");
        assertThat(read.text("completedAt")).isNotBlank();
        ApiResponse progress = api.get("/progress/" + course.courseId(), learner);
        assertThat(progress.status()).isEqualTo(200);
        assertThat(progress.text("enrollmentId")).isEqualTo(enrollment);
        assertThat(progress.body().path("lessons")).hasSize(2);
        assertThat(progress.body().path("lessons").get(0).path("completed").asBoolean()).isTrue();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(topics.enrollmentEventsOf(learner.id()))
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly("StudentEnrolled", "LessonCompleted", "LessonCompleted", "CourseCompleted"));
        List<EnrollmentEvent> events = topics.enrollmentEventsOf(learner.id());
        assertThat(((LessonCompleted) events.get(2)).progressPercent()).isEqualTo(100);
        CourseCompleted completed = (CourseCompleted) events.get(3);
        assertThat(completed.instructorId()).isEqualTo(instructor.id());
        assertThat(completed.certificateCode()).isNotBlank();

        ApiResponse pdf = api.get("/enrollments/" + enrollment + "/certificate", learner);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(new String(pdf.raw(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        ApiResponse verified = api.get("/certificates/" + completed.certificateCode(), null);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().path("valid").asBoolean()).isTrue();
        assertThat(verified.text("courseTitle")).isEqualTo(course.title());
        // identity never told us the learner's name, so the token's is printed; the instructor's comes from identity
        assertThat(verified.text("learnerName")).isEqualTo(learner.email());
        assertThat(verified.text("instructorName")).isEqualTo("Grace Hopper");
        assertThat(api.get("/certificates/SW-0000-0000-0000", null).status()).isEqualTo(404);
    }

    @Test
    void certificateOfAnUnfinishedCourseIsRefused() {
        TestUser learner = TestUser.student();
        CoursePublished course = Courses.published(instructor.id(), true, Courses.lesson("Only"));
        String enrollment = enrollIn(course, learner);

        assertThat(api.get("/enrollments/" + enrollment + "/certificate", learner).status()).isEqualTo(409);
    }

    @Test
    void lessonNotInTheCourseIs400() {
        TestUser learner = TestUser.student();
        CoursePublished course = Courses.published(instructor.id(), true, Courses.lesson("Only"));
        String enrollment = enrollIn(course, learner);

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
        String enrollment = enrollIn(course, learner);

        ApiResponse refused = complete(enrollment, later.lessonId(), learner);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("opens at").contains(opens.toString().substring(0, 10));
        assertThat(api.get("/progress/" + course.courseId(), learner).body().path("completedLessons").asInt())
                .isZero();
    }

    @Test
    void lessonsAddedLaterCountAndRemovedOnesStopCounting() {
        TestUser learner = TestUser.student();
        LessonOutline kept = Courses.lesson("Kept");
        LessonOutline removed = Courses.lesson("Removed");
        CoursePublished course = Courses.published(instructor.id(), true, kept, removed);
        String enrollment = enrollIn(course, learner);
        complete(enrollment, kept.lessonId(), learner);
        complete(enrollment, removed.lessonId(), learner);

        LessonOutline added = Courses.lesson("Added");
        topics.send(Courses.updated(course, 2, kept, added));
        // a stale snapshot arriving late (redelivery) must not undo the newer curriculum
        topics.send(Courses.updated(course, 1, kept, removed));

        await().atMost(PATIENCE).untilAsserted(() -> {
            ApiResponse progress = api.get("/progress/" + course.courseId(), learner);
            assertThat(progress.body().path("totalLessons").asInt()).isEqualTo(2);
            assertThat(progress.body().path("completedLessons").asInt()).isEqualTo(1);
            assertThat(progress.body().path("percent").asInt()).isEqualTo(50);
        });
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).untilAsserted(() -> assertThat(
                api.get("/progress/" + course.courseId(), learner).body().path("lessons").get(1).path("lessonId")
                        .asString()).isEqualTo(added.lessonId().toString()));
    }

    @Test
    void removingTheLastOpenLessonCompletesTheCourse() {
        TestUser learner = TestUser.student();
        LessonOutline done = Courses.lesson("Done");
        LessonOutline dropped = Courses.lesson("Dropped");
        CoursePublished course = Courses.published(instructor.id(), true, done, dropped);
        String enrollment = enrollIn(course, learner);
        complete(enrollment, done.lessonId(), learner);

        topics.send(Courses.updated(course, 2, done));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.get("/enrollments/" + enrollment, learner)
                .text("status")).isEqualTo("COMPLETED"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(topics.enrollmentEventsOf(learner.id()))
                .filteredOn(CourseCompleted.class::isInstance).hasSize(1));
        assertThat(api.get("/enrollments/" + enrollment + "/certificate", learner).status()).isEqualTo(200);
    }

    @Test
    void quizAttemptsAreGradedRecordedAndLimitedAndAPassCompletesTheLesson() {
        TestUser learner = TestUser.student();
        LessonOutline quiz = Courses.quizLesson("Check", 100, 2);
        CoursePublished course = Courses.published(instructor.id(), true, Courses.lesson("Read"), quiz);
        String enrollment = enrollIn(course, learner);
        String path = "/lessons/" + quiz.lessonId() + "/quiz-attempts";

        ApiResponse failed = api.post(path, Map.of("answers", List.of(answer(0, 1), answer(1, 0))), learner);
        assertThat(failed.status()).isEqualTo(201);
        assertThat(failed.body().path("score").asInt()).isEqualTo(50);
        assertThat(failed.body().path("passed").asBoolean()).isFalse();
        assertThat(new String(failed.raw(), StandardCharsets.UTF_8)).doesNotContain("correctOptions");

        ApiResponse passed = api.post(path, Map.of("answers", List.of(answer(0, 1), answer(1, 2, 0))), learner);
        assertThat(passed.status()).isEqualTo(201);
        assertThat(passed.body().path("score").asInt()).isEqualTo(100);
        assertThat(passed.body().path("passed").asBoolean()).isTrue();
        assertThat(passed.body().path("bestScore").asInt()).isEqualTo(100);
        assertThat(passed.body().path("attemptNumber").asInt()).isEqualTo(2);

        ApiResponse exhausted = api.post(path, Map.of("answers", List.of(answer(0, 1))), learner);
        assertThat(exhausted.status()).isEqualTo(409);

        ApiResponse progress = api.get("/progress/" + course.courseId(), learner);
        assertThat(progress.body().path("lessons").get(1).path("completed").asBoolean()).isTrue();
        assertThat(complete(enrollment, quiz.lessonId(), learner).status())
                .as("a quiz lesson is completed by passing it, not by saying so").isEqualTo(400);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(topics.enrollmentEventsOf(learner.id()).stream()
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
        enrollIn(course, learner);

        ApiResponse response = api.post("/lessons/" + quiz.lessonId() + "/quiz-attempts",
                Map.of("answers", List.of(answer(7, 0))), learner);

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void anotherLearnerCannotReadOrChangeProgressOrCertificate() {
        TestUser owner = TestUser.student();
        TestUser other = TestUser.student();
        LessonOutline lesson = Courses.lesson("Only");
        LessonOutline quiz = Courses.quizLesson("Check", 50, null);
        CoursePublished course = Courses.published(instructor.id(), true, lesson, quiz);
        String enrollment = enrollIn(course, owner);

        assertThat(complete(enrollment, lesson.lessonId(), other).status()).isEqualTo(404);
        assertThat(api.get("/progress/" + course.courseId(), other).status()).isEqualTo(404);
        assertThat(api.get("/enrollments/" + enrollment + "/certificate", other).status()).isEqualTo(404);
        assertThat(api.post("/lessons/" + quiz.lessonId() + "/quiz-attempts",
                Map.of("answers", List.of(answer(0, 1))), other).status()).isEqualTo(403);
        assertThat(api.get("/progress/" + course.courseId(), owner).body().path("completedLessons").asInt()).isZero();
    }

    @Test
    void instructorListsStudentsOfOwnCourseOnly() {
        TestUser learner = TestUser.student();
        LessonOutline lesson = Courses.lesson("One");
        CoursePublished course = Courses.published(instructor.id(), true, lesson, Courses.lesson("Two"));
        String enrollment = enrollIn(course, learner);
        complete(enrollment, lesson.lessonId(), learner);
        String path = "/instructors/courses/" + course.courseId() + "/students";

        ApiResponse own = api.get(path, instructor);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().path("totalItems").asInt()).isEqualTo(1);
        assertThat(own.body().path("items").get(0).path("studentId").asString()).isEqualTo(learner.id().toString());
        assertThat(own.body().path("items").get(0).path("progress").path("percent").asInt()).isEqualTo(50);
        assertThat(own.body().path("items").get(0).path("lastActivityAt").asString()).isNotBlank();

        assertThat(api.get(path, TestUser.instructor()).status()).isEqualTo(403);
        assertThat(api.get(path, learner).status()).isEqualTo(403);
        assertThat(api.get(path, TestUser.admin()).status()).isEqualTo(200);
        assertThat(api.get("/instructors/courses/" + UUID.randomUUID() + "/students", instructor).status())
                .isEqualTo(404);
    }

    @Test
    void heartbeatsRecordBoundedTimeAndLiveAttendanceForTheInstructor() {
        TestUser learner = TestUser.student();
        LessonOutline reading = Courses.lesson("Reading");
        LessonOutline live = Courses.lessonOpeningAt("Live Q&A", Instant.now().minus(Duration.ofMinutes(10)));
        LessonOutline later = Courses.lessonOpeningAt("Next week", Instant.now().plus(Duration.ofDays(7)));
        CoursePublished course = Courses.published(instructor.id(), true, reading, live, later);
        enrollIn(course, learner);

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

        ApiResponse students = api.get("/instructors/courses/" + course.courseId() + "/students", instructor);
        assertThat(students.body().path("items").get(0).path("engagement").path("secondsSpent").asLong())
                .isGreaterThanOrEqualTo(50);
        assertThat(students.body().path("items").get(0).path("engagement").path("attendedLiveLessons").asInt())
                .isEqualTo(1);
        assertThat(students.body().path("items").get(0).path("lastActivityAt").asString()).isNotBlank();
    }

    private ApiResponse heartbeat(UUID lessonId, long seconds, TestUser learner) {
        return api.post("/lessons/" + lessonId + "/activity", Map.of("seconds", seconds), learner);
    }

    private String enrollIn(CoursePublished course, TestUser learner) {
        topics.send(course);
        ApiResponse created = await().atMost(PATIENCE).until(
                () -> api.post("/courses/" + course.courseId() + "/enroll", "", learner),
                response -> response.status() != 404);
        assertThat(created.status()).isEqualTo(201);
        return created.text("id");
    }

    private ApiResponse complete(String enrollment, UUID lessonId, TestUser learner) {
        return api.patch("/enrollments/" + enrollment + "/progress",
                Map.of("lessonId", lessonId, "completed", true), learner);
    }

    private static Map<String, Object> answer(int question, Integer... options) {
        return Map.of("questionIndex", question, "selectedOptions", List.of(options));
    }
}
