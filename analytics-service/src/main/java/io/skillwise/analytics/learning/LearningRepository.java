package io.skillwise.analytics.learning;

import static io.skillwise.analytics.projection.SqlArrays.booleans;
import static io.skillwise.analytics.projection.SqlArrays.texts;
import static io.skillwise.analytics.projection.SqlArrays.times;
import static io.skillwise.analytics.projection.SqlArrays.uuids;

import io.skillwise.analytics.projection.Days;
import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.enrollment.LessonCompleted;
import io.skillwise.events.enrollment.QuizGraded;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code enrollment}, {@code lesson_completion}, {@code quiz_attempt} and {@code learner_day} of the projection
 * version in use.
 */
@Repository
class LearningRepository {

    record Enrolled(UUID enrollmentId, UUID courseId, UUID studentId, String source, Instant sourceAt,
                    Instant enrolledAt) {
    }

    record Access(UUID enrollmentId, UUID courseId, UUID studentId, String access, Instant at) {
    }

    private final JdbcClient jdbc;

    LearningRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void enrolled(List<Enrolled> enrolled) {
        if (enrolled.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into enrollment (enrollment_id, course_id, student_id, source, source_at, enrolled_at)
                        select * from unnest(:enrollments, :courses, :students, :sources, cast(:sourceTimes as timestamptz[]),
                                             cast(:enrolledTimes as timestamptz[]))
                        on conflict (enrollment_id) do update set
                            source = case when enrollment.source_at is null or enrollment.source_at <= excluded.source_at
                                then excluded.source else enrollment.source end,
                            source_at = greatest(enrollment.source_at, excluded.source_at),
                            enrolled_at = least(coalesce(enrollment.enrolled_at, excluded.enrolled_at), excluded.enrolled_at)""")
                .param("enrollments", uuids(enrolled.stream().map(Enrolled::enrollmentId).toList()))
                .param("courses", uuids(enrolled.stream().map(Enrolled::courseId).toList()))
                .param("students", uuids(enrolled.stream().map(Enrolled::studentId).toList()))
                .param("sources", texts(enrolled.stream().map(Enrolled::source).toList()))
                .param("sourceTimes", times(enrolled.stream().map(Enrolled::sourceAt).toList()))
                .param("enrolledTimes", times(enrolled.stream().map(Enrolled::enrolledAt).toList()))
                .update();
    }

    void access(List<Access> changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into enrollment (enrollment_id, course_id, student_id, access, access_at)
                        select * from unnest(:enrollments, :courses, :students, :access, cast(:times as timestamptz[]))
                        on conflict (enrollment_id) do update set access = excluded.access, access_at = excluded.access_at
                        where enrollment.access_at is null or enrollment.access_at <= excluded.access_at""")
                .param("enrollments", uuids(changes.stream().map(Access::enrollmentId).toList()))
                .param("courses", uuids(changes.stream().map(Access::courseId).toList()))
                .param("students", uuids(changes.stream().map(Access::studentId).toList()))
                .param("access", texts(changes.stream().map(Access::access).toList()))
                .param("times", times(changes.stream().map(Access::at).toList()))
                .update();
    }

    void completed(Collection<CourseCompleted> completions) {
        if (completions.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into enrollment (enrollment_id, course_id, student_id, completed_at)
                        select * from unnest(:enrollments, :courses, :students, cast(:times as timestamptz[]))
                        on conflict (enrollment_id) do update set
                            completed_at = least(coalesce(enrollment.completed_at, excluded.completed_at), excluded.completed_at)""")
                .param("enrollments", uuids(completions.stream().map(CourseCompleted::enrollmentId).toList()))
                .param("courses", uuids(completions.stream().map(CourseCompleted::courseId).toList()))
                .param("students", uuids(completions.stream().map(CourseCompleted::studentId).toList()))
                .param("times", times(completions.stream().map(CourseCompleted::completedAt).toList()))
                .update();
    }

    /** Each lesson counts once per enrollment, on its day; only a newly recorded one moves the learner's day. */
    void lessonsCompleted(Collection<LessonCompleted> lessons) {
        if (lessons.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        with added as (
                            insert into lesson_completion (enrollment_id, lesson_id, course_id, student_id, day)
                            select v.enrollment_id, v.lesson_id, v.course_id, v.student_id, (v.at at time zone 'UTC')::date
                            from unnest(:enrollments, :lessons, :courses, :students, cast(:times as timestamptz[]))
                                as v(enrollment_id, lesson_id, course_id, student_id, at)
                            on conflict do nothing
                            returning course_id, day, student_id)
                        insert into learner_day (course_id, day, student_id, lessons)
                        select course_id, day, student_id, count(*) from added
                        group by course_id, day, student_id order by course_id, day, student_id
                        on conflict (course_id, day, student_id) do update set lessons = learner_day.lessons + excluded.lessons""")
                .param("enrollments", uuids(lessons.stream().map(LessonCompleted::enrollmentId).toList()))
                .param("lessons", uuids(lessons.stream().map(LessonCompleted::lessonId).toList()))
                .param("courses", uuids(lessons.stream().map(LessonCompleted::courseId).toList()))
                .param("students", uuids(lessons.stream().map(LessonCompleted::studentId).toList()))
                .param("times", times(lessons.stream().map(LessonCompleted::occurredAt).toList()))
                .update();
    }

    void quizzesGraded(Collection<QuizGraded> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        with added as (
                            insert into quiz_attempt (attempt_id, course_id, student_id, day, passed)
                            select v.attempt_id, v.course_id, v.student_id, (v.at at time zone 'UTC')::date, v.passed
                            from unnest(:attempts, :courses, :students, cast(:times as timestamptz[]), :passed)
                                as v(attempt_id, course_id, student_id, at, passed)
                            on conflict do nothing
                            returning course_id, day, student_id)
                        insert into learner_day (course_id, day, student_id, quiz_attempts)
                        select course_id, day, student_id, count(*) from added
                        group by course_id, day, student_id order by course_id, day, student_id
                        on conflict (course_id, day, student_id) do update
                            set quiz_attempts = learner_day.quiz_attempts + excluded.quiz_attempts""")
                .param("attempts", uuids(attempts.stream().map(QuizGraded::attemptId).toList()))
                .param("courses", uuids(attempts.stream().map(QuizGraded::courseId).toList()))
                .param("students", uuids(attempts.stream().map(QuizGraded::studentId).toList()))
                .param("times", times(attempts.stream().map(QuizGraded::occurredAt).toList()))
                .param("passed", booleans(attempts.stream().map(QuizGraded::passed).toList()))
                .update();
    }

    /** Per course: enrollments that still grant access or are paused, and of those, completed ones. */
    List<LearningService.CourseLearning> courseLearning(Collection<UUID> courseIds) {
        if (courseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select course_id,
                               count(*) filter (where access is distinct from 'REVOKED') as enrollments,
                               count(*) filter (where access is distinct from 'REVOKED' and completed_at is not null) as completed,
                               count(*) filter (where access = 'REVOKED') as revoked
                        from enrollment where course_id = any(:courses) group by course_id""")
                .param("courses", uuids(courseIds))
                .query((rs, row) -> new LearningService.CourseLearning(rs.getObject("course_id", UUID.class),
                        rs.getLong("enrollments"), rs.getLong("completed"), rs.getLong("revoked")))
                .list();
    }

    long students(Collection<UUID> courseIds) {
        if (courseIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        select count(distinct student_id) from enrollment
                        where course_id = any(:courses) and access is distinct from 'REVOKED'""")
                .param("courses", uuids(courseIds)).query(Long.class).single();
    }

    /** Per day with activity: learners active in the courses, lessons completed, quiz attempts. */
    List<LearningService.Activity> activityByDay(Collection<UUID> courseIds, LocalDate from, LocalDate to) {
        if (courseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select day, count(distinct student_id) as learners, sum(lessons) as lessons,
                               sum(quiz_attempts) as quizzes
                        from learner_day where course_id = any(:courses) and day between :from and :to
                        group by day order by day""")
                .param("courses", uuids(courseIds)).param("from", from).param("to", to)
                .query((rs, row) -> new LearningService.Activity(rs.getObject("day", LocalDate.class),
                        rs.getLong("learners"), rs.getLong("lessons"), rs.getLong("quizzes")))
                .list();
    }

    /** The same per ISO week (starting Monday), a learner counted once per week. */
    List<LearningService.Activity> activityByWeek(Collection<UUID> courseIds, LocalDate from, LocalDate to) {
        if (courseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select date_trunc('week', day)::date as week, count(distinct student_id) as learners,
                               sum(lessons) as lessons, sum(quiz_attempts) as quizzes
                        from learner_day where course_id = any(:courses) and day between :from and :to
                        group by 1 order by 1""")
                .param("courses", uuids(courseIds)).param("from", from).param("to", to)
                .query((rs, row) -> new LearningService.Activity(rs.getObject("week", LocalDate.class),
                        rs.getLong("learners"), rs.getLong("lessons"), rs.getLong("quizzes")))
                .list();
    }

    /** First enrollments in the courses within {@code [from, to)}. */
    long enrollmentsBetween(Collection<UUID> courseIds, Instant from, Instant to) {
        if (courseIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        select count(*) from enrollment
                        where course_id = any(:courses) and enrolled_at >= :from and enrolled_at < :to""")
                .param("courses", uuids(courseIds)).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(Long.class).single();
    }

    /** Courses with the most first enrollments between two days (inclusive). */
    List<LearningService.CourseCount> topCoursesByEnrollments(LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("""
                        select course_id, count(*) as enrollments from enrollment
                        where enrolled_at >= :from and enrolled_at < :to
                        group by course_id order by count(*) desc, course_id limit :limit""")
                .param("from", Days.start(from)).param("to", Days.start(to.plusDays(1))).param("limit", limit)
                .query((rs, row) -> new LearningService.CourseCount(rs.getObject("course_id", UUID.class),
                        rs.getLong("enrollments")))
                .list();
    }

    /** Learners with the most lessons completed between two days (inclusive). */
    List<LearningService.LearnerActivity> mostActiveLearners(LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("""
                        select student_id, sum(lessons) as lessons, sum(quiz_attempts) as quizzes,
                               count(distinct day) as active_days
                        from learner_day where day between :from and :to
                        group by student_id order by sum(lessons) desc, sum(quiz_attempts) desc, student_id limit :limit""")
                .param("from", from).param("to", to).param("limit", limit)
                .query((rs, row) -> new LearningService.LearnerActivity(rs.getObject("student_id", UUID.class),
                        rs.getLong("lessons"), rs.getLong("quizzes"), rs.getLong("active_days")))
                .list();
    }
}
