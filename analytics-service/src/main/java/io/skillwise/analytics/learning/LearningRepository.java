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
import java.util.Map;
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

    /**
     * Moves {@code course_learning}, and each learner's count of enrollments per instructor, by what an upsert of
     * enrollment rows changed: each row the upsert returns counts with its new state and, if it existed, less its
     * state before the statement ({@code was} reads the snapshot the statement started from). A row the upsert leaves
     * alone (a duplicate, an older event) is not returned and moves nothing, so the counts always equal counting the
     * rows.
     */
    private static final String COUNT_PER_COURSE = """
            with was as (
                select enrollment_id, access, completed_at from enrollment where enrollment_id = any(:enrollments)),
            changed as (%s
                returning enrollment_id, course_id, student_id, access, completed_at),
            difference as (
                select c.course_id, c.student_id,
                       (c.access is distinct from 'REVOKED')::int
                           - case when b.enrollment_id is null then 0
                                  else (b.access is distinct from 'REVOKED')::int end as enrollments,
                       (c.access is distinct from 'REVOKED' and c.completed_at is not null)::int
                           - case when b.enrollment_id is null then 0
                                  else (b.access is distinct from 'REVOKED' and b.completed_at is not null)::int end
                           as completed,
                       (c.access is not distinct from 'REVOKED')::int
                           - case when b.enrollment_id is null then 0
                                  else (b.access is not distinct from 'REVOKED')::int end as revoked
                from changed c left join was b on b.enrollment_id = c.enrollment_id),
            per_course as (
                insert into course_learning (course_id, enrollments, completed, revoked)
                select course_id, sum(enrollments), sum(completed), sum(revoked) from difference
                group by course_id having (sum(enrollments), sum(completed), sum(revoked)) <> (0, 0, 0)
                order by course_id
                on conflict (course_id) do update set enrollments = course_learning.enrollments + excluded.enrollments,
                    completed = course_learning.completed + excluded.completed,
                    revoked = course_learning.revoked + excluded.revoked),
            enrolled as (
                select o.instructor_id, d.student_id, sum(d.enrollments) as moved
                from difference d join course_owner o on o.course_id = d.course_id
                group by 1, 2 having sum(d.enrollments) <> 0)""";

    /**
     * Adds {@code enrolled} (instructor, learner, enrollments moved) to the learners' counts, and counts a learner
     * in or out of the instructor's {@code students} where their count leaves or reaches zero.
     */
    private static final String STUDENTS = """
            , counted as (
                insert into instructor_student (instructor_id, student_id, enrollments)
                select instructor_id, student_id, moved from enrolled order by 1, 2
                on conflict (instructor_id, student_id) do update
                    set enrollments = instructor_student.enrollments + excluded.enrollments
                returning instructor_id, student_id, enrollments)
            insert into instructor_students (instructor_id, students)
            select c.instructor_id, sum((c.enrollments > 0)::int - (c.enrollments - e.moved > 0)::int)
            from counted c join enrolled e on e.instructor_id = c.instructor_id and e.student_id = c.student_id
            group by c.instructor_id order by c.instructor_id
            on conflict (instructor_id) do update set students = instructor_students.students + excluded.students""";

    /**
     * Rolls learning activity up per instructor, day and ISO week (its Monday) from {@code owned}: rows of
     * (instructor, day, learner, lessons, quiz attempts), one per instructor, day and learner. A learner moves
     * {@code learners} only where the (instructor, day or week, learner) pair is new.
     */
    private static final String PER_INSTRUCTOR = """
            , new_day as (
                insert into instructor_learner_day (instructor_id, day, student_id)
                select instructor_id, day, student_id from owned order by 1, 2, 3
                on conflict do nothing
                returning instructor_id, day)
            , new_week as (
                insert into instructor_learner_week (instructor_id, week, student_id)
                select distinct instructor_id, day - (extract(isodow from day)::int - 1), student_id from owned
                order by 1, 2, 3
                on conflict do nothing
                returning instructor_id, week)
            , by_day as (
                insert into instructor_activity_day (instructor_id, day, learners, lessons, quiz_attempts)
                select instructor_id, day, sum(learners), sum(lessons), sum(quiz_attempts) from (
                    select instructor_id, day, 0 as learners, lessons, quiz_attempts from owned
                    union all
                    select instructor_id, day, 1, 0, 0 from new_day) moved
                group by 1, 2 order by 1, 2
                on conflict (instructor_id, day) do update set
                    learners = instructor_activity_day.learners + excluded.learners,
                    lessons = instructor_activity_day.lessons + excluded.lessons,
                    quiz_attempts = instructor_activity_day.quiz_attempts + excluded.quiz_attempts)
            insert into instructor_activity_week (instructor_id, week, learners, lessons, quiz_attempts)
            select instructor_id, week, sum(learners), sum(lessons), sum(quiz_attempts) from (
                select instructor_id, day - (extract(isodow from day)::int - 1) as week, 0 as learners, lessons,
                       quiz_attempts
                from owned
                union all
                select instructor_id, week, 1, 0, 0 from new_week) moved
            group by 1, 2 order by 1, 2
            on conflict (instructor_id, week) do update set
                learners = instructor_activity_week.learners + excluded.learners,
                lessons = instructor_activity_week.lessons + excluded.lessons,
                quiz_attempts = instructor_activity_week.quiz_attempts + excluded.quiz_attempts""";

    /**
     * Counts activity that was recorded for the first time ({@code added}: course, day, learner, lessons, quiz
     * attempts) per course and learner's day, and per instructor where the course's owner is known.
     */
    private static final String ACTIVITY = """
            , by_course as (
                insert into learner_day (course_id, day, student_id, lessons, quiz_attempts)
                select course_id, day, student_id, sum(lessons), sum(quiz_attempts) from added
                group by course_id, day, student_id order by course_id, day, student_id
                on conflict (course_id, day, student_id) do update
                    set lessons = learner_day.lessons + excluded.lessons,
                        quiz_attempts = learner_day.quiz_attempts + excluded.quiz_attempts)
            , owned as (
                select o.instructor_id, a.day, a.student_id, sum(a.lessons) as lessons,
                       sum(a.quiz_attempts) as quiz_attempts
                from added a join course_owner o on o.course_id = a.course_id
                group by 1, 2, 3)""" + PER_INSTRUCTOR;

    private final JdbcClient jdbc;

    LearningRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String countingPerCourse(String upsert) {
        return COUNT_PER_COURSE.formatted(upsert) + STUDENTS;
    }

    /**
     * Makes the writers of this projection version apply learning one batch at a time (until the caller's transaction
     * ends): the roll-ups read the rows as they stood before a statement (an enrollment's previous state, whether a
     * course's owner is known), which another writer's uncommitted batch could change under them.
     */
    void oneWriterAtATime() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(current_schema() || '.learning'))").query().singleValue();
    }

    /**
     * Courses whose owner was not known yet: from now on their enrollments and activity are counted per instructor as
     * they are applied, and what they had before is counted now.
     */
    void owners(Map<UUID, UUID> instructorByCourse) {
        if (instructorByCourse.isEmpty()) {
            return;
        }
        List<UUID> newlyOwned = jdbc.sql("""
                        insert into course_owner (course_id, instructor_id)
                        select * from unnest(:courses, :instructors) as v(course_id, instructor_id)
                        order by course_id
                        on conflict do nothing
                        returning course_id""")
                .param("courses", uuids(instructorByCourse.keySet()))
                .param("instructors", uuids(instructorByCourse.values()))
                .query(UUID.class).list();
        if (newlyOwned.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        with enrolled as (
                            select o.instructor_id, e.student_id, count(*) as moved
                            from enrollment e join course_owner o on o.course_id = e.course_id
                            where e.course_id = any(:courses) and e.access is distinct from 'REVOKED'
                            group by 1, 2)""" + STUDENTS)
                .param("courses", uuids(newlyOwned))
                .update();
        jdbc.sql("""
                        with owned as (
                            select o.instructor_id, d.day, d.student_id, sum(d.lessons) as lessons,
                                   sum(d.quiz_attempts) as quiz_attempts
                            from learner_day d join course_owner o on o.course_id = d.course_id
                            where d.course_id = any(:courses)
                            group by 1, 2, 3)""" + PER_INSTRUCTOR)
                .param("courses", uuids(newlyOwned))
                .update();
    }

    void enrolled(List<Enrolled> enrolled) {
        if (enrolled.isEmpty()) {
            return;
        }
        jdbc.sql(countingPerCourse("""
                        insert into enrollment (enrollment_id, course_id, student_id, source, source_at, enrolled_at)
                        select * from unnest(:enrollments, :courses, :students, :sources, cast(:sourceTimes as timestamptz[]),
                                             cast(:enrolledTimes as timestamptz[]))
                        on conflict (enrollment_id) do update set
                            source = case when enrollment.source_at is null or enrollment.source_at <= excluded.source_at
                                then excluded.source else enrollment.source end,
                            source_at = greatest(enrollment.source_at, excluded.source_at),
                            enrolled_at = least(coalesce(enrollment.enrolled_at, excluded.enrolled_at), excluded.enrolled_at)"""))
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
        jdbc.sql(countingPerCourse("""
                        insert into enrollment (enrollment_id, course_id, student_id, access, access_at)
                        select * from unnest(:enrollments, :courses, :students, :access, cast(:times as timestamptz[]))
                        on conflict (enrollment_id) do update set access = excluded.access, access_at = excluded.access_at
                        where enrollment.access_at is null or enrollment.access_at <= excluded.access_at"""))
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
        jdbc.sql(countingPerCourse("""
                        insert into enrollment (enrollment_id, course_id, student_id, completed_at)
                        select * from unnest(:enrollments, :courses, :students, cast(:times as timestamptz[]))
                        on conflict (enrollment_id) do update set
                            completed_at = least(coalesce(enrollment.completed_at, excluded.completed_at), excluded.completed_at)"""))
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
                            returning course_id, day, student_id, 1 as lessons, 0 as quiz_attempts)""" + ACTIVITY)
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
                            returning course_id, day, student_id, 0 as lessons, 1 as quiz_attempts)""" + ACTIVITY)
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
        return jdbc.sql("select * from course_learning where course_id = any(:courses)")
                .param("courses", uuids(courseIds))
                .query((rs, row) -> new LearningService.CourseLearning(rs.getObject("course_id", UUID.class),
                        rs.getLong("enrollments"), rs.getLong("completed"), rs.getLong("revoked")))
                .list();
    }

    /** Distinct learners with an enrollment that is not revoked in any of the instructor's courses. */
    long students(UUID instructorId) {
        return jdbc.sql("select students from instructor_students where instructor_id = :instructor")
                .param("instructor", instructorId).query(Long.class).optional().orElse(0L);
    }

    /** Per day with activity in the instructor's courses: learners active, lessons completed, quiz attempts. */
    List<LearningService.Activity> activityByDay(UUID instructorId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select day, learners, lessons, quiz_attempts from instructor_activity_day
                        where instructor_id = :instructor and day between :from and :to order by day""")
                .param("instructor", instructorId).param("from", from).param("to", to)
                .query((rs, row) -> new LearningService.Activity(rs.getObject("day", LocalDate.class),
                        rs.getLong("learners"), rs.getLong("lessons"), rs.getLong("quiz_attempts")))
                .list();
    }

    /** The same per ISO week (starting Monday), a learner counted once per week. */
    List<LearningService.Activity> activityByWeek(UUID instructorId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select week, learners, lessons, quiz_attempts from instructor_activity_week
                        where instructor_id = :instructor and week between :from and :to order by week""")
                .param("instructor", instructorId).param("from", from).param("to", to)
                .query((rs, row) -> new LearningService.Activity(rs.getObject("week", LocalDate.class),
                        rs.getLong("learners"), rs.getLong("lessons"), rs.getLong("quiz_attempts")))
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
