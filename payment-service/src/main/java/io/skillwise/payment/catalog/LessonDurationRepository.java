package io.skillwise.payment.catalog;

import io.skillwise.events.catalog.LessonOutline;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Lesson durations from course snapshots. A lesson dropped from a later curriculum keeps its row: completions of it
 * made before still count by its duration.
 */
@Repository
class LessonDurationRepository {

    private final JdbcClient jdbc;

    LessonDurationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void upsertIfNewer(UUID courseId, List<LessonOutline> lessons, long revision) {
        if (lessons.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into lesson_duration (lesson_id, course_id, duration_seconds, revision)
                        select lesson, :course, seconds, :revision
                        from unnest(cast(:lessons as uuid[]), cast(:seconds as integer[])) as l(lesson, seconds)
                        on conflict (lesson_id) do update set course_id = excluded.course_id,
                            duration_seconds = excluded.duration_seconds, revision = excluded.revision
                        where lesson_duration.revision < excluded.revision""")
                .param("course", courseId).param("revision", revision)
                .param("lessons", lessons.stream().map(LessonOutline::lessonId).toArray(UUID[]::new))
                .param("seconds", lessons.stream().map(LessonOutline::durationSeconds).toArray(Integer[]::new))
                .update();
    }

    /** The known durations of these lessons; a lesson without one (or unknown) is absent. */
    Map<UUID, Integer> durations(Collection<UUID> lessonIds) {
        Map<UUID, Integer> found = new HashMap<>();
        jdbc.sql("""
                        select lesson_id, duration_seconds from lesson_duration
                        where lesson_id = any(:lessons) and duration_seconds is not null""")
                .param("lessons", lessonIds.toArray(UUID[]::new))
                .query((rs, row) -> found.put(rs.getObject("lesson_id", UUID.class), rs.getInt("duration_seconds")))
                .list();
        return found;
    }
}
