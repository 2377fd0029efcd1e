package io.skillwise.catalog.replica;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The local copies of enrollment, rating and identity facts, and the course columns derived from them. */
@Repository
public class ReplicaRepository {

    private final JdbcClient jdbc;

    public ReplicaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void enrolled(UUID enrollmentId, UUID courseId, UUID studentId) {
        jdbc.sql("INSERT INTO enrollment_replica (enrollment_id, course_id, student_id, enrolled) VALUES (?, ?, ?, true) "
                        + "ON CONFLICT (enrollment_id) DO UPDATE SET enrolled = true")
                .params(enrollmentId, courseId, studentId).update();
    }

    public void revoked(UUID enrollmentId, UUID courseId, UUID studentId) {
        jdbc.sql("INSERT INTO enrollment_replica (enrollment_id, course_id, student_id, revoked) VALUES (?, ?, ?, true) "
                        + "ON CONFLICT (enrollment_id) DO UPDATE SET revoked = true")
                .params(enrollmentId, courseId, studentId).update();
    }

    /** Applies a suspension or restoration unless a later one was applied already. */
    public void suspended(UUID enrollmentId, UUID courseId, UUID studentId, boolean suspended, Instant asOf) {
        jdbc.sql("INSERT INTO enrollment_replica (enrollment_id, course_id, student_id, suspended, suspension_as_of) "
                        + "VALUES (:id, :course, :student, :suspended, :asOf) "
                        + "ON CONFLICT (enrollment_id) DO UPDATE SET suspended = :suspended, suspension_as_of = :asOf "
                        + "WHERE enrollment_replica.suspension_as_of IS NULL OR enrollment_replica.suspension_as_of < :asOf")
                .param("id", enrollmentId).param("course", courseId).param("student", studentId)
                .param("suspended", suspended).param("asOf", utc(asOf)).update();
    }

    /** Recounts the course's active enrollments into its popularity column. */
    public void recountEnrollments(UUID courseId) {
        jdbc.sql("UPDATE course SET enrollment_count = (SELECT count(*) FROM enrollment_replica e "
                        + "WHERE e.course_id = :course AND e.enrolled AND NOT e.revoked AND NOT e.suspended) "
                        + "WHERE id = :course")
                .param("course", courseId).update();
    }

    public boolean isEnrolled(UUID courseId, UUID studentId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM enrollment_replica WHERE course_id = ? AND student_id = ? "
                        + "AND enrolled AND NOT revoked AND NOT suspended)")
                .params(courseId, studentId).query(Boolean.class).single();
    }

    /** Sets the course's rating unless a later rating was applied already. */
    public void rating(UUID courseId, double average, long count, Instant asOf) {
        jdbc.sql("UPDATE course SET rating_average = :average, rating_count = :count, rating_as_of = :asOf "
                        + "WHERE id = :course AND (rating_as_of IS NULL OR rating_as_of < :asOf)")
                .param("average", average).param("count", count).param("asOf", utc(asOf)).param("course", courseId)
                .update();
    }

    /** Keeps the latest display name of a user and copies it onto the courses they teach. */
    public void displayName(UUID userId, String displayName, Instant asOf) {
        int changed = jdbc.sql("INSERT INTO instructor_replica (user_id, display_name, as_of) VALUES (:user, :name, :asOf) "
                        + "ON CONFLICT (user_id) DO UPDATE SET display_name = :name, as_of = :asOf "
                        + "WHERE instructor_replica.as_of < :asOf")
                .param("user", userId).param("name", displayName).param("asOf", utc(asOf)).update();
        if (changed > 0) {
            jdbc.sql("UPDATE course SET instructor_name = ? WHERE instructor_id = ?").params(displayName, userId).update();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
