package io.skillwise.catalog.course;

import io.skillwise.events.catalog.LessonType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Lessons and their order inside a module; the same locking and deferred-constraint rules as modules. */
@Repository
public class LessonRepository {

    private static final String COLUMNS = "id, module_id, course_id, title, type, body, duration_seconds, preview, "
            + "available_at, due_at, quiz, position, available_after_days, due_after_days";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public LessonRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Lesson> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lesson WHERE id = ?").param(id).query(this::map).optional();
    }

    public List<Lesson> findByModule(UUID moduleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lesson WHERE module_id = ? ORDER BY position")
                .param(moduleId).query(this::map).list();
    }

    /** Every lesson of the course, grouped by module position then lesson position: one query for a syllabus. */
    public List<Lesson> findByCourse(UUID courseId) {
        return jdbc.sql("SELECT l.id, l.module_id, l.course_id, l.title, l.type, l.body, l.duration_seconds, "
                        + "l.preview, l.available_at, l.due_at, l.quiz, l.position, l.available_after_days, "
                        + "l.due_after_days FROM lesson l "
                        + "JOIN course_module m ON m.id = l.module_id WHERE l.course_id = ? ORDER BY m.position, l.position")
                .param(courseId).query(this::map).list();
    }

    public int countByModule(UUID moduleId) {
        return jdbc.sql("SELECT count(*) FROM lesson WHERE module_id = ?").param(moduleId).query(Integer.class).single();
    }

    public void insertAt(Lesson lesson) {
        jdbc.sql("UPDATE lesson SET position = position + 1 WHERE module_id = ? AND position >= ?")
                .params(lesson.moduleId(), lesson.position()).update();
        jdbc.sql("INSERT INTO lesson (" + COLUMNS + ") VALUES (:id, :moduleId, :courseId, :title, :type, :body, "
                        + ":durationSeconds, :preview, :availableAt, :dueAt, CAST(:quiz AS jsonb), :position, :availableAfterDays, :dueAfterDays)")
                .params(params(lesson)).update();
    }

    /** Writes everything but the position (see {@link #move}). */
    public void update(Lesson lesson) {
        jdbc.sql("UPDATE lesson SET title = :title, type = :type, body = :body, duration_seconds = :durationSeconds, "
                        + "preview = :preview, available_at = :availableAt, due_at = :dueAt, quiz = CAST(:quiz AS jsonb), "
                        + "available_after_days = :availableAfterDays, due_after_days = :dueAfterDays "
                        + "WHERE id = :id")
                .params(params(lesson)).update();
    }

    public void move(UUID moduleId, UUID id, int from, int to) {
        if (from == to) {
            return;
        }
        if (to < from) {
            jdbc.sql("UPDATE lesson SET position = position + 1 WHERE module_id = ? AND position >= ? AND position < ?")
                    .params(moduleId, to, from).update();
        } else {
            jdbc.sql("UPDATE lesson SET position = position - 1 WHERE module_id = ? AND position > ? AND position <= ?")
                    .params(moduleId, from, to).update();
        }
        jdbc.sql("UPDATE lesson SET position = ? WHERE id = ?").params(to, id).update();
    }

    public void delete(Lesson lesson) {
        jdbc.sql("DELETE FROM lesson WHERE id = ?").param(lesson.id()).update();
        jdbc.sql("UPDATE lesson SET position = position - 1 WHERE module_id = ? AND position > ?")
                .params(lesson.moduleId(), lesson.position()).update();
    }

    private Map<String, Object> params(Lesson lesson) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", lesson.id());
        p.put("moduleId", lesson.moduleId());
        p.put("courseId", lesson.courseId());
        p.put("title", lesson.title());
        p.put("type", lesson.type().name());
        p.put("body", lesson.body());
        p.put("durationSeconds", lesson.durationSeconds());
        p.put("preview", lesson.preview());
        p.put("availableAt", CourseRepository.timestamp(lesson.availableAt()));
        p.put("dueAt", CourseRepository.timestamp(lesson.dueAt()));
        p.put("quiz", lesson.quiz() == null ? null : json.writeValueAsString(lesson.quiz()));
        p.put("position", lesson.position());
        p.put("availableAfterDays", lesson.availableAfterDays());
        p.put("dueAfterDays", lesson.dueAfterDays());
        return p;
    }

    private Lesson map(ResultSet rs, int row) throws SQLException {
        String quiz = rs.getString("quiz");
        int duration = rs.getInt("duration_seconds");
        Integer durationSeconds = rs.wasNull() ? null : duration;
        return new Lesson(rs.getObject("id", UUID.class), rs.getObject("module_id", UUID.class),
                rs.getObject("course_id", UUID.class), rs.getString("title"), LessonType.valueOf(rs.getString("type")),
                rs.getString("body"), durationSeconds, rs.getBoolean("preview"),
                CourseRepository.instant(rs, "available_at"), CourseRepository.instant(rs, "due_at"),
                quiz == null ? null : json.readValue(quiz, Quiz.class), rs.getInt("position"),
                integer(rs, "available_after_days"), integer(rs, "due_after_days"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
