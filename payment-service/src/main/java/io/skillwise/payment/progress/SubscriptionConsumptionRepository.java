package io.skillwise.payment.progress;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Enrollments granted by a subscription and the lessons completed through them. */
@Repository
class SubscriptionConsumptionRepository {

    private final JdbcClient jdbc;

    SubscriptionConsumptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void enrolled(UUID enrollmentId, UUID courseId, UUID instructorId, UUID studentId, Instant at) {
        jdbc.sql("""
                        insert into subscription_enrollment (enrollment_id, course_id, instructor_id, student_id,
                            enrolled_at)
                        values (:enrollment, :course, :instructor, :student, :at)
                        on conflict (enrollment_id) do nothing""")
                .param("enrollment", enrollmentId).param("course", courseId).param("instructor", instructorId)
                .param("student", studentId).param("at", Timestamp.from(at))
                .update();
    }

    /**
     * Counts the lesson if its enrollment came from a subscription. The enrollment's events share its key, so its
     * {@code StudentEnrolled} has always been applied before any of its lessons.
     */
    void lessonCompleted(UUID enrollmentId, UUID lessonId, Instant at) {
        jdbc.sql("""
                        insert into subscription_lesson (enrollment_id, lesson_id, course_id, instructor_id,
                            completed_at)
                        select enrollment_id, :lesson, course_id, instructor_id, :at from subscription_enrollment
                        where enrollment_id = :enrollment
                        on conflict (enrollment_id, lesson_id) do nothing""")
                .param("enrollment", enrollmentId).param("lesson", lessonId).param("at", Timestamp.from(at))
                .update();
    }

    List<ProgressService.LessonConsumption> completedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                        select course_id, instructor_id, lesson_id, count(*) as completions from subscription_lesson
                        where completed_at >= :from and completed_at < :to
                        group by course_id, instructor_id, lesson_id
                        order by course_id, instructor_id, lesson_id""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, row) -> new ProgressService.LessonConsumption(rs.getObject("course_id", UUID.class),
                        rs.getObject("instructor_id", UUID.class), rs.getObject("lesson_id", UUID.class),
                        rs.getLong("completions")))
                .list();
    }
}
