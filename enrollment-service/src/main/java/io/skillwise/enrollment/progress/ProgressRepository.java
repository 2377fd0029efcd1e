package io.skillwise.enrollment.progress;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Completed lessons per enrollment. */
@Repository
public class ProgressRepository {

    private final JdbcClient jdbc;

    public ProgressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true the first time the lesson is completed in this enrollment */
    public boolean insertIfAbsent(UUID enrollmentId, UUID lessonId, Instant at) {
        return jdbc.sql("""
                        insert into lesson_progress (enrollment_id, lesson_id, completed_at)
                        values (:enrollment, :lesson, :at)
                        on conflict (enrollment_id, lesson_id) do nothing""")
                .param("enrollment", enrollmentId).param("lesson", lessonId).param("at", Timestamp.from(at))
                .update() == 1;
    }

    /** Lesson id to completion time, oldest first. */
    public Map<UUID, Instant> completed(UUID enrollmentId) {
        Map<UUID, Instant> completed = new LinkedHashMap<>();
        jdbc.sql("select lesson_id, completed_at from lesson_progress where enrollment_id = :id order by completed_at")
                .param("id", enrollmentId)
                .query(rs -> {
                    completed.put(rs.getObject("lesson_id", UUID.class), rs.getTimestamp("completed_at").toInstant());
                });
        return completed;
    }

    /** The completed lesson ids of several enrollments in one query; enrollments without any are left out. */
    public Map<UUID, Set<UUID>> completedLessonsOf(Collection<UUID> enrollmentIds) {
        Map<UUID, Set<UUID>> completed = new HashMap<>();
        if (enrollmentIds.isEmpty()) {
            return completed;
        }
        jdbc.sql("select enrollment_id, lesson_id from lesson_progress where enrollment_id in (:ids)")
                .param("ids", enrollmentIds)
                .query(rs -> {
                    completed.computeIfAbsent(rs.getObject("enrollment_id", UUID.class), id -> new HashSet<>())
                            .add(rs.getObject("lesson_id", UUID.class));
                });
        return completed;
    }

    /** {@link #lastActivity} of several enrollments in one query; enrollments without any are left out. */
    public Map<UUID, Instant> lastActivityOf(Collection<UUID> enrollmentIds) {
        Map<UUID, Instant> last = new HashMap<>();
        if (enrollmentIds.isEmpty()) {
            return last;
        }
        jdbc.sql("""
                        select enrollment_id, max(at) as last from (
                            select enrollment_id, completed_at as at from lesson_progress where enrollment_id in (:ids)
                            union all
                            select enrollment_id, submitted_at as at from quiz_attempt where enrollment_id in (:ids)
                        ) learning group by enrollment_id""")
                .param("ids", enrollmentIds)
                .query(rs -> {
                    last.put(rs.getObject("enrollment_id", UUID.class), rs.getTimestamp("last").toInstant());
                });
        return last;
    }

    /** The learner's last recorded learning in the enrollment: a completed lesson or a quiz attempt. */
    public Optional<Instant> lastActivity(UUID enrollmentId) {
        // greatest() is null only when there is neither; the row mapper lets that null through as "no activity"
        return jdbc.sql("""
                        select greatest((select max(completed_at) from lesson_progress where enrollment_id = :id),
                                        (select max(submitted_at) from quiz_attempt where enrollment_id = :id))""")
                .param("id", enrollmentId)
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }
}
