package io.skillwise.catalog.course;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Modules and their order. Callers hold the course lock ({@link CourseRepository#lockById}) while they shift
 * positions; the unique (course, position) constraint is deferred to the commit, so a shift is one statement.
 */
@Repository
public class ModuleRepository {

    private final JdbcClient jdbc;

    public ModuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CourseModule> findById(UUID id) {
        return jdbc.sql("SELECT id, course_id, title, position FROM course_module WHERE id = ?").param(id)
                .query(ModuleRepository::map).optional();
    }

    public List<CourseModule> findByCourse(UUID courseId) {
        return jdbc.sql("SELECT id, course_id, title, position FROM course_module WHERE course_id = ? ORDER BY position")
                .param(courseId).query(ModuleRepository::map).list();
    }

    public int countByCourse(UUID courseId) {
        return jdbc.sql("SELECT count(*) FROM course_module WHERE course_id = ?").param(courseId)
                .query(Integer.class).single();
    }

    /** Inserts the module at its position, moving the ones at or after it one down. */
    public void insertAt(CourseModule module) {
        jdbc.sql("UPDATE course_module SET position = position + 1 WHERE course_id = ? AND position >= ?")
                .params(module.courseId(), module.position()).update();
        jdbc.sql("INSERT INTO course_module (id, course_id, title, position) VALUES (?, ?, ?, ?)")
                .params(module.id(), module.courseId(), module.title(), module.position()).update();
    }

    public void rename(UUID id, String title) {
        jdbc.sql("UPDATE course_module SET title = ? WHERE id = ?").params(title, id).update();
    }

    /** Moves a module from one position to another; the ones in between close ranks. */
    public void move(UUID courseId, UUID id, int from, int to) {
        if (from == to) {
            return;
        }
        if (to < from) {
            jdbc.sql("UPDATE course_module SET position = position + 1 "
                    + "WHERE course_id = ? AND position >= ? AND position < ?").params(courseId, to, from).update();
        } else {
            jdbc.sql("UPDATE course_module SET position = position - 1 "
                    + "WHERE course_id = ? AND position > ? AND position <= ?").params(courseId, from, to).update();
        }
        jdbc.sql("UPDATE course_module SET position = ? WHERE id = ?").params(to, id).update();
    }

    /** Deletes the module (and its lessons) and closes the gap it leaves. */
    public void delete(CourseModule module) {
        jdbc.sql("DELETE FROM course_module WHERE id = ?").param(module.id()).update();
        jdbc.sql("UPDATE course_module SET position = position - 1 WHERE course_id = ? AND position > ?")
                .params(module.courseId(), module.position()).update();
    }

    private static CourseModule map(ResultSet rs, int row) throws SQLException {
        return new CourseModule(rs.getObject("id", UUID.class), rs.getObject("course_id", UUID.class),
                rs.getString("title"), rs.getInt("position"));
    }
}
