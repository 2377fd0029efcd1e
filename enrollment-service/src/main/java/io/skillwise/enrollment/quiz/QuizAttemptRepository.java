package io.skillwise.enrollment.quiz;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Repository
public class QuizAttemptRepository {

    /** Best score and number of attempts of one quiz in one enrollment. */
    public record QuizResult(UUID lessonId, int bestScore, int attempts, boolean passed) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public QuizAttemptRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public int count(UUID enrollmentId, UUID lessonId) {
        return jdbc.sql("select count(*) from quiz_attempt where enrollment_id = :enrollment and lesson_id = :lesson")
                .param("enrollment", enrollmentId).param("lesson", lessonId).query(Integer.class).single();
    }

    public int bestScore(UUID enrollmentId, UUID lessonId) {
        return jdbc.sql("""
                        select coalesce(max(score), 0) from quiz_attempt
                        where enrollment_id = :enrollment and lesson_id = :lesson""")
                .param("enrollment", enrollmentId).param("lesson", lessonId).query(Integer.class).single();
    }

    public void insert(UUID id, UUID enrollmentId, UUID lessonId, int attemptNumber, int score, boolean passed,
                       List<QuizGrader.Answer> answers, Instant at) {
        jdbc.sql("""
                        insert into quiz_attempt (id, enrollment_id, lesson_id, attempt_number, score, passed, answers,
                                                  submitted_at)
                        values (:id, :enrollment, :lesson, :number, :score, :passed, cast(:answers as jsonb), :at)""")
                .param("id", id).param("enrollment", enrollmentId).param("lesson", lessonId)
                .param("number", attemptNumber).param("score", score).param("passed", passed)
                .param("answers", json.writeValueAsString(answers)).param("at", Timestamp.from(at))
                .update();
    }

    /** {@link #results} of several enrollments in one query; enrollments without attempts are left out. */
    public Map<UUID, List<QuizResult>> resultsOf(Collection<UUID> enrollmentIds) {
        Map<UUID, List<QuizResult>> results = new HashMap<>();
        if (enrollmentIds.isEmpty()) {
            return results;
        }
        jdbc.sql("""
                        select enrollment_id, lesson_id, max(score) as best, count(*) as attempts,
                               bool_or(passed) as passed
                        from quiz_attempt where enrollment_id in (:ids)
                        group by enrollment_id, lesson_id order by enrollment_id, lesson_id""")
                .param("ids", enrollmentIds)
                .query(rs -> {
                    results.computeIfAbsent(rs.getObject("enrollment_id", UUID.class), id -> new ArrayList<>())
                            .add(new QuizResult(rs.getObject("lesson_id", UUID.class), rs.getInt("best"),
                                    rs.getInt("attempts"), rs.getBoolean("passed")));
                });
        return results;
    }

    public List<QuizResult> results(UUID enrollmentId) {
        return jdbc.sql("""
                        select lesson_id, max(score) as best, count(*) as attempts, bool_or(passed) as passed
                        from quiz_attempt where enrollment_id = :enrollment group by lesson_id order by lesson_id""")
                .param("enrollment", enrollmentId)
                .query((rs, row) -> new QuizResult(rs.getObject("lesson_id", UUID.class), rs.getInt("best"),
                        rs.getInt("attempts"), rs.getBoolean("passed")))
                .list();
    }
}
