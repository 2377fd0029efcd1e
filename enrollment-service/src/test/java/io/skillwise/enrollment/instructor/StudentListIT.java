package io.skillwise.enrollment.instructor;

import io.skillwise.enrollment.support.Courses;
import io.skillwise.enrollment.support.EnrollmentApiTest;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.LessonOutline;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /instructors/courses/{id}/students} with several students: each one's own progress, last activity,
 * engagement and quiz scores, and a page that costs the same number of SQL statements for 2 students as for 6.
 */
class StudentListIT extends EnrollmentApiTest {

    @Autowired
    InstructorService instructors;

    @Test
    void everyStudentHasTheirOwnProgressActivityAndQuizScores() {
        LessonOutline first = Courses.lesson("First");
        LessonOutline second = Courses.lesson("Second");
        LessonOutline quiz = Courses.quizLesson("Check", 100, null);
        CoursePublished course = Courses.published(instructor.id(), true, first, second, quiz);
        topics.publish(course);

        TestUser diligent = TestUser.student();
        TestUser struggling = TestUser.student();
        TestUser browsing = TestUser.student();
        TestUser idle = TestUser.student();
        String diligentEnrollment = enroll(course, diligent);
        String strugglingEnrollment = enroll(course, struggling);
        enroll(course, browsing);
        String idleEnrollment = enroll(course, idle);

        // diligent: a lesson done and the quiz passed first time (which completes the quiz lesson)
        assertThat(api.as(diligent).patch("/enrollments/" + diligentEnrollment + "/progress",
                Map.of("lessonId", first.lessonId(), "completed", true)).status()).isEqualTo(200);
        assertThat(attempt(quiz, diligent, List.of(1), List.of(0, 2)).text("passed")).isEqualTo("true");
        // struggling: two failed attempts, best 50
        assertThat(attempt(quiz, struggling, List.of(1), List.of(0)).body().path("score").asInt()).isEqualTo(50);
        assertThat(attempt(quiz, struggling, List.of(0), List.of(1)).body().path("score").asInt()).isZero();
        // browsing: time on a lesson, nothing completed
        assertThat(api.as(browsing).post("/lessons/" + second.lessonId() + "/activity", Map.of("seconds", 40)).status())
                .isEqualTo(200);

        ApiResponse list = api.as(instructor).get("/instructors/courses/" + course.courseId() + "/students?size=10");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().path("totalItems").asInt()).isEqualTo(4);
        Map<String, JsonNode> byStudent = new HashMap<>();
        list.body().path("items").forEach(item -> byStudent.put(item.path("studentId").asString(), item));

        JsonNode d = byStudent.get(diligent.id().toString());
        assertThat(d.path("enrollmentId").asString()).isEqualTo(diligentEnrollment);
        assertThat(d.path("progress").path("completedLessons").asInt()).isEqualTo(2);
        assertThat(d.path("progress").path("percent").asInt()).isEqualTo(66);
        assertThat(d.path("lastActivityAt").asString()).isNotBlank();
        assertThat(d.path("quizScores")).singleElement().satisfies(score -> {
            assertThat(score.path("lessonId").asString()).isEqualTo(quiz.lessonId().toString());
            assertThat(score.path("bestScore").asInt()).isEqualTo(100);
            assertThat(score.path("attempts").asInt()).isEqualTo(1);
            assertThat(score.path("passed").asBoolean()).isTrue();
        });
        assertThat(d.path("engagement").path("secondsSpent").asLong()).isZero();

        JsonNode s = byStudent.get(struggling.id().toString());
        assertThat(s.path("enrollmentId").asString()).isEqualTo(strugglingEnrollment);
        assertThat(s.path("progress").path("completedLessons").asInt()).isZero();
        assertThat(s.path("lastActivityAt").asString()).isNotBlank();
        assertThat(s.path("quizScores")).singleElement().satisfies(score -> {
            assertThat(score.path("bestScore").asInt()).isEqualTo(50);
            assertThat(score.path("attempts").asInt()).isEqualTo(2);
            assertThat(score.path("passed").asBoolean()).isFalse();
        });

        JsonNode b = byStudent.get(browsing.id().toString());
        assertThat(b.path("progress").path("completedLessons").asInt()).isZero();
        assertThat(b.path("quizScores")).isEmpty();
        assertThat(b.path("engagement").path("secondsSpent").asLong()).isEqualTo(40);
        assertThat(b.path("engagement").path("lessonViews").asInt()).isEqualTo(1);
        assertThat(b.path("lastActivityAt").asString()).isNotBlank();

        JsonNode i = byStudent.get(idle.id().toString());
        assertThat(i.path("enrollmentId").asString()).isEqualTo(idleEnrollment);
        assertThat(i.path("progress").path("totalLessons").asInt()).isEqualTo(3);
        assertThat(i.path("quizScores")).isEmpty();
        assertThat(i.path("engagement").path("secondsSpent").asLong()).isZero();
        assertThat(i.has("lastActivityAt")).as("no activity, no time").isFalse();
    }

    @Test
    void aPageCostsTheSameStatementsForTwoStudentsAsForSix() {
        LessonOutline lesson = Courses.lesson("Only");
        LessonOutline quiz = Courses.quizLesson("Check", 50, null);
        CoursePublished course = Courses.published(instructor.id(), true, lesson, quiz);
        topics.publish(course);
        for (int n = 0; n < 6; n++) {
            TestUser learner = TestUser.student();
            String enrollment = enroll(course, learner);
            // every student has data of every kind, so each figure would cost a query per row if it were fetched so
            api.as(learner).patch("/enrollments/" + enrollment + "/progress",
                    Map.of("lessonId", lesson.lessonId(), "completed", true));
            attempt(quiz, learner, List.of(1), List.of(0));
            api.as(learner).post("/lessons/" + lesson.lessonId() + "/activity", Map.of("seconds", 10));
        }
        CurrentUser owner = new CurrentUser(instructor.id(), instructor.email(), "Owner", List.of("instructor"), true,
                false, null);

        int forTwo = StatementCounter.count(() -> instructors.students(course.courseId(), owner, 0, 2));
        int forSix = StatementCounter.count(() -> instructors.students(course.courseId(), owner, 0, 6));

        assertThat(StatementCounter.count(() -> instructors.students(course.courseId(), owner, 0, 6).items()))
                .as("the same call counts the same").isEqualTo(forSix);
        assertThat(instructors.students(course.courseId(), owner, 0, 6).items()).hasSize(6)
                .allSatisfy(student -> assertThat(student.quizScores()).hasSize(1));
        assertThat(forSix).as("statements for a page of 6 students").isEqualTo(forTwo);
        assertThat(forSix).as("a handful of statements per page").isBetween(5, 12);
    }

    private String enroll(CoursePublished course, TestUser learner) {
        return enrollWhenReplicated(course, learner).assertStatus(201).id();
    }

    private ApiResponse attempt(LessonOutline quiz, TestUser learner, List<Integer> first, List<Integer> second) {
        ApiResponse response = api.as(learner).post("/lessons/" + quiz.lessonId() + "/quiz-attempts", Map.of("answers",
                List.of(
                Map.of("questionIndex", 0, "selectedOptions", first),
                Map.of("questionIndex", 1, "selectedOptions", second))));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    /**
     * Counts the SQL statements prepared on the calling thread while it runs a piece of code, by wrapping the
     * application's real DataSource (the database is still the real PostgreSQL).
     */
    @TestConfiguration
    static class StatementCounter {

        private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();

        static int count(Supplier<?> work) {
            COUNT.set(new int[1]);
            try {
                work.get();
                return COUNT.get()[0];
            } finally {
                COUNT.remove();
            }
        }

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource && !(bean instanceof Counting)
                            ? new Counting(dataSource) : bean;
                }
            };
        }

        static final class Counting extends DelegatingDataSource {

            Counting(DataSource target) {
                super(target);
            }

            @Override
            public Connection getConnection() throws SQLException {
                return counted(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return counted(super.getConnection(username, password));
            }

            private static Connection counted(Connection connection) {
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                                int[] count = COUNT.get();
                                if (count != null) {
                                    count[0]++;
                                }
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        }
    }
}
