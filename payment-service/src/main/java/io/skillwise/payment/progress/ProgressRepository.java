package io.skillwise.payment.progress;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ProgressRepository {

    private final JdbcClient jdbc;

    public ProgressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Raises the learner's progress in the course to {@code percent}; never lowers it, so events arriving out of
     * order (or a curriculum growing) cannot reopen a refund the learner has already used the course past.
     */
    public void raise(UUID studentId, UUID courseId, int percent, Instant at) {
        jdbc.sql("""
                        insert into learner_progress (student_id, course_id, progress_percent, updated_at)
                        values (:student, :course, :percent, :at)
                        on conflict (student_id, course_id) do update
                        set progress_percent = greatest(learner_progress.progress_percent, excluded.progress_percent),
                            updated_at = excluded.updated_at""")
                .param("student", studentId).param("course", courseId).param("percent", percent)
                .param("at", Timestamp.from(at))
                .update();
    }

    public Optional<Integer> percent(UUID studentId, UUID courseId) {
        return jdbc.sql("select progress_percent from learner_progress where student_id = :student and course_id = :course")
                .param("student", studentId).param("course", courseId).query(Integer.class).optional();
    }
}
