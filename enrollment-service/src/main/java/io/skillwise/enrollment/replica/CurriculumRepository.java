package io.skillwise.enrollment.replica;

import io.skillwise.events.catalog.CourseReplicaStore;
import io.skillwise.events.catalog.CourseState;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.catalog.LessonOutline;
import io.skillwise.events.catalog.LessonType;
import io.skillwise.events.catalog.QuizOutline;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The local replica of catalog courses (tables {@code course} and {@code course_lesson}). */
@Repository
public class CurriculumRepository implements CourseReplicaStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public CurriculumRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Stores the snapshot unless a snapshot of the same or a later revision is already there.
     *
     * @return true when the snapshot was stored
     */
    @Override
    public boolean saveIfNewer(CourseState course, Instant now) {
        int changed = jdbc.sql("""
                        insert into course (id, instructor_id, title, status, free, revision, updated_at)
                        values (:id, :instructor, :title, :status, :free, :revision, :now)
                        on conflict (id) do update set instructor_id = excluded.instructor_id, title = excluded.title,
                            status = excluded.status, free = excluded.free, revision = excluded.revision,
                            updated_at = excluded.updated_at
                        where course.revision < excluded.revision""")
                .param("id", course.courseId()).param("instructor", course.instructorId())
                .param("title", course.title()).param("status", course.status().name()).param("free", course.free())
                .param("revision", course.revision()).param("now", Timestamp.from(now))
                .update();
        if (changed == 0) {
            return false;
        }
        // the event carries the whole outline, so the lessons are replaced rather than merged
        jdbc.sql("delete from course_lesson where course_id = :id").param("id", course.courseId()).update();
        List<LessonOutline> lessons = course.lessons();
        for (int position = 0; position < lessons.size(); position++) {
            LessonOutline lesson = lessons.get(position);
            jdbc.sql("""
                            insert into course_lesson (course_id, lesson_id, position, title, type, duration_seconds,
                                                       available_at, available_after_days, quiz)
                            values (:course, :lesson, :position, :title, :type, :duration, :availableAt, :afterDays,
                                    cast(:quiz as jsonb))""")
                    .param("course", course.courseId()).param("lesson", lesson.lessonId())
                    .param("position", position).param("title", lesson.title()).param("type", lesson.type().name())
                    .param("duration", lesson.durationSeconds())
                    .param("availableAt", lesson.availableAt() == null ? null : Timestamp.from(lesson.availableAt()))
                    .param("afterDays", lesson.availableAfterDays())
                    .param("quiz", lesson.quiz() == null ? null : json.writeValueAsString(lesson.quiz()))
                    .update();
        }
        return true;
    }

    /** Changes only the status, and only when the change is newer than what is held. */
    @Override
    public boolean changeStatusIfNewer(UUID courseId, CourseStatus status, long revision, Instant now) {
        return jdbc.sql("""
                        update course set status = :status, revision = :revision, updated_at = :now
                        where id = :id and revision < :revision""")
                .param("id", courseId).param("status", status.name()).param("revision", revision)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** A deleted course never had enrollments, so nothing refers to it: it simply goes. */
    @Override
    public void delete(UUID courseId, Instant now) {
        jdbc.sql("delete from course where id = :id").param("id", courseId).update();
    }

    public Optional<Course> find(UUID courseId) {
        return jdbc.sql("select id, instructor_id, title, status, free, revision from course where id = :id")
                .param("id", courseId)
                .query((rs, row) -> new Course(rs.getObject("id", UUID.class),
                        rs.getObject("instructor_id", UUID.class),
                        rs.getString("title"), CourseStatus.valueOf(rs.getString("status")), rs.getBoolean("free"),
                        rs.getLong("revision"), lessons(courseId)))
                .optional();
    }

    /** Several courses in two queries (courses, then all their lessons), for lists; unknown ids are left out. */
    public Map<UUID, Course> findAll(Collection<UUID> courseIds) {
        if (courseIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<Lesson>> lessons = new HashMap<>();
        jdbc.sql("""
                        select course_id, lesson_id, title, position, type, duration_seconds, available_at,
                               available_after_days, quiz::text as quiz
                        from course_lesson where course_id in (:ids) order by course_id, position""")
                .param("ids", courseIds)
                .query(rs -> {
                    lessons.computeIfAbsent(rs.getObject("course_id", UUID.class), id -> new ArrayList<>())
                            .add(lesson(rs, 0));
                });
        Map<UUID, Course> courses = new HashMap<>();
        jdbc.sql("select id, instructor_id, title, status, free, revision from course where id in (:ids)")
                .param("ids", courseIds)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    courses.put(id, new Course(id, rs.getObject("instructor_id", UUID.class), rs.getString("title"),
                            CourseStatus.valueOf(rs.getString("status")), rs.getBoolean("free"),
                            rs.getLong("revision"), lessons.getOrDefault(id, List.of())));
                });
        return courses;
    }

    /** The course a lesson belongs to (lesson ids are unique across the catalog). */
    public Optional<UUID> courseOfLesson(UUID lessonId) {
        return jdbc.sql("select course_id from course_lesson where lesson_id = :id")
                .param("id", lessonId).query(UUID.class).optional();
    }

    private List<Lesson> lessons(UUID courseId) {
        return jdbc.sql("""
                        select lesson_id, title, position, type, duration_seconds, available_at, available_after_days,
                               quiz::text as quiz
                        from course_lesson where course_id = :id order by position""")
                .param("id", courseId)
                .query(this::lesson)
                .list();
    }

    private Lesson lesson(ResultSet rs, int row) throws SQLException {
        Timestamp availableAt = rs.getTimestamp("available_at");
        String quiz = rs.getString("quiz");
        return new Lesson(rs.getObject("lesson_id", UUID.class), rs.getString("title"), rs.getInt("position"),
                LessonType.valueOf(rs.getString("type")), rs.getObject("duration_seconds", Integer.class),
                availableAt == null ? null : availableAt.toInstant(),
                rs.getObject("available_after_days", Integer.class),
                quiz == null ? null : json.readValue(quiz, QuizOutline.class));
    }
}
