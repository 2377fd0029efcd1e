package io.skillwise.enrollment.activity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
public class LessonActivityRepository {

    /** One learner's engagement over a whole course. */
    public record Totals(long secondsSpent, int views, int attendedLiveLessons, Instant lastActivityAt) {

        public static final Totals NONE = new Totals(0, 0, 0, null);
    }

    private final JdbcClient jdbc;

    public LessonActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LessonActivity> find(UUID enrollmentId, UUID lessonId) {
        return jdbc.sql("""
                        select enrollment_id, lesson_id, first_seen_at, last_activity_at, seconds_spent, views,
                               attended_live
                        from lesson_activity where enrollment_id = :enrollment and lesson_id = :lesson""")
                .param("enrollment", enrollmentId).param("lesson", lessonId)
                .query((rs, row) -> new LessonActivity(rs.getObject("enrollment_id", UUID.class),
                        rs.getObject("lesson_id", UUID.class), rs.getTimestamp("first_seen_at").toInstant(),
                        rs.getTimestamp("last_activity_at").toInstant(), rs.getLong("seconds_spent"),
                        rs.getInt("views"), rs.getBoolean("attended_live")))
                .optional();
    }

    public void save(LessonActivity activity) {
        jdbc.sql("""
                        insert into lesson_activity (enrollment_id, lesson_id, first_seen_at, last_activity_at,
                                                     seconds_spent, views, attended_live)
                        values (:enrollment, :lesson, :first, :last, :seconds, :views, :attended)
                        on conflict (enrollment_id, lesson_id) do update
                        set last_activity_at = excluded.last_activity_at,
                            seconds_spent = excluded.seconds_spent, views = excluded.views,
                            attended_live = excluded.attended_live""")
                .param("enrollment", activity.enrollmentId()).param("lesson", activity.lessonId())
                .param("first", Timestamp.from(activity.firstSeenAt()))
                .param("last", Timestamp.from(activity.lastActivityAt()))
                .param("seconds", activity.secondsSpent()).param("views", activity.views())
                .param("attended", activity.attendedLive())
                .update();
    }

    /** {@link #totals} of several enrollments in one query; enrollments without activity are left out. */
    public Map<UUID, Totals> totalsOf(Collection<UUID> enrollmentIds) {
        Map<UUID, Totals> totals = new HashMap<>();
        if (enrollmentIds.isEmpty()) {
            return totals;
        }
        jdbc.sql("""
                        select enrollment_id, sum(seconds_spent) as seconds, sum(views) as views,
                               count(*) filter (where attended_live) as attended, max(last_activity_at) as last
                        from lesson_activity where enrollment_id in (:ids) group by enrollment_id""")
                .param("ids", enrollmentIds)
                .query(rs -> {
                    totals.put(rs.getObject("enrollment_id", UUID.class), new Totals(rs.getLong("seconds"),
                            rs.getInt("views"), rs.getInt("attended"), rs.getTimestamp("last").toInstant()));
                });
        return totals;
    }

    public Totals totals(UUID enrollmentId) {
        return jdbc.sql("""
                        select coalesce(sum(seconds_spent), 0) as seconds, coalesce(sum(views), 0) as views,
                               count(*) filter (where attended_live) as attended, max(last_activity_at) as last
                        from lesson_activity where enrollment_id = :enrollment""")
                .param("enrollment", enrollmentId)
                .query((rs, row) -> new Totals(rs.getLong("seconds"), rs.getInt("views"), rs.getInt("attended"),
                        rs.getTimestamp("last") == null ? null : rs.getTimestamp("last").toInstant()))
                .single();
    }
}
