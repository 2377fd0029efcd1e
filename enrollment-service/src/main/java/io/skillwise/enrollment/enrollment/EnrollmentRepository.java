package io.skillwise.enrollment.enrollment;

import io.skillwise.events.enrollment.EnrollmentSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Enrollments, and the order changes that arrived before their purchase. */
@Repository
public class EnrollmentRepository {

    private static final String COLUMNS = """
            id, student_id, course_id, instructor_id, source, order_id, subscription_id, status, started_at,
            completed_at, dispute_id""";

    private final JdbcClient jdbc;

    public EnrollmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the enrollment unless the learner already has one for the course.
     *
     * @return true when it was inserted
     */
    public boolean insertIfAbsent(Enrollment enrollment, Instant now) {
        return jdbc.sql("""
                        insert into enrollment (id, student_id, course_id, instructor_id, source, order_id,
                                                subscription_id, status, started_at, completed_at, dispute_id,
                                                updated_at)
                        values (:id, :student, :course, :instructor, :source, :order, :subscription, :status, :started,
                                :completed, :dispute, :now)
                        on conflict (student_id, course_id) do nothing""")
                .param("id", enrollment.id()).param("student", enrollment.studentId())
                .param("course", enrollment.courseId()).param("instructor", enrollment.instructorId())
                .param("source", enrollment.source().name()).param("order", enrollment.orderId())
                .param("subscription", enrollment.subscriptionId()).param("status", enrollment.status().name())
                .param("started", Timestamp.from(enrollment.startedAt()))
                .param("completed", timestamp(enrollment.completedAt())).param("dispute", enrollment.disputeId())
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    public void update(Enrollment enrollment, Instant now) {
        jdbc.sql("""
                        update enrollment set source = :source, order_id = :order, subscription_id = :subscription,
                            status = :status, completed_at = :completed, dispute_id = :dispute, updated_at = :now
                        where id = :id""")
                .param("id", enrollment.id()).param("source", enrollment.source().name())
                .param("order", enrollment.orderId()).param("subscription", enrollment.subscriptionId())
                .param("status", enrollment.status().name()).param("completed", timestamp(enrollment.completedAt()))
                .param("dispute", enrollment.disputeId()).param("now", Timestamp.from(now))
                .update();
    }

    public Optional<Enrollment> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from enrollment where id = :id")
                .param("id", id).query(EnrollmentRepository::map).optional();
    }

    /** Reads and locks the row, so concurrent progress on one enrollment is applied one at a time. */
    public Optional<Enrollment> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from enrollment where id = :id for update")
                .param("id", id).query(EnrollmentRepository::map).optional();
    }

    public Optional<Enrollment> lockByStudentAndCourse(UUID studentId, UUID courseId) {
        return jdbc.sql("select " + COLUMNS
                        + " from enrollment where student_id = :student and course_id = :course for update")
                .param("student", studentId).param("course", courseId)
                .query(EnrollmentRepository::map).optional();
    }

    public Optional<Enrollment> findByStudentAndCourse(UUID studentId, UUID courseId) {
        return jdbc.sql("select " + COLUMNS + " from enrollment where student_id = :student and course_id = :course")
                .param("student", studentId).param("course", courseId)
                .query(EnrollmentRepository::map).optional();
    }

    /** The learner's enrollment in the course if it came from this order (a later repurchase has another order). */
    public Optional<Enrollment> lockByOrderAndCourse(UUID orderId, UUID studentId, UUID courseId) {
        return jdbc.sql("select " + COLUMNS + """
                         from enrollment where order_id = :order and student_id = :student and course_id = :course
                        for update""")
                .param("order", orderId).param("student", studentId).param("course", courseId)
                .query(EnrollmentRepository::map).optional();
    }

    public List<Enrollment> pageOfStudent(UUID studentId, boolean newestFirst, int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from enrollment where student_id = :student order by started_at "
                        + (newestFirst ? "desc" : "asc") + ", id limit :limit offset :offset")
                .param("student", studentId).param("limit", size).param("offset", (long) page * size)
                .query(EnrollmentRepository::map).list();
    }

    public long countOfStudent(UUID studentId) {
        return jdbc.sql("select count(*) from enrollment where student_id = :student")
                .param("student", studentId).query(Long.class).single();
    }

    /** Every ACTIVE enrollment of the course, locked. */
    public List<Enrollment> lockActiveOfCourse(UUID courseId) {
        return jdbc.sql("select " + COLUMNS + " from enrollment where course_id = :course and status = 'ACTIVE' "
                        + "order by id for update")
                .param("course", courseId).query(EnrollmentRepository::map).list();
    }

    public List<Enrollment> pageOfCourse(UUID courseId, int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from enrollment where course_id = :course order by started_at, id "
                        + "limit :limit offset :offset")
                .param("course", courseId).param("limit", size).param("offset", (long) page * size)
                .query(EnrollmentRepository::map).list();
    }

    public long countOfCourse(UUID courseId) {
        return jdbc.sql("select count(*) from enrollment where course_id = :course")
                .param("course", courseId).query(Long.class).single();
    }

    /** Enrollments matching the filter, newest first (or oldest first). */
    public List<Enrollment> search(EnrollmentFilter filter, boolean newestFirst, int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from enrollment" + where(filter) + " order by started_at "
                        + (newestFirst ? "desc" : "asc") + ", id limit :limit offset :offset")
                .params(whereParams(filter)).param("limit", size).param("offset", (long) page * size)
                .query(EnrollmentRepository::map).list();
    }

    public long count(EnrollmentFilter filter) {
        return jdbc.sql("select count(*) from enrollment" + where(filter))
                .params(whereParams(filter)).query(Long.class).single();
    }

    // only fixed column names go into the SQL text; the values are always bound parameters
    private static String where(EnrollmentFilter filter) {
        List<String> conditions = new ArrayList<>();
        if (filter.studentId() != null) {
            conditions.add("student_id = :student");
        }
        if (filter.courseId() != null) {
            conditions.add("course_id = :course");
        }
        if (filter.status() != null) {
            conditions.add("status = :status");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static Map<String, Object> whereParams(EnrollmentFilter filter) {
        Map<String, Object> params = new HashMap<>();
        if (filter.studentId() != null) {
            params.put("student", filter.studentId());
        }
        if (filter.courseId() != null) {
            params.put("course", filter.courseId());
        }
        if (filter.status() != null) {
            params.put("status", filter.status().name());
        }
        return params;
    }

    /** Who revoked an enrollment by hand, and why. */
    public void recordRevocation(UUID enrollmentId, UUID actorId, String reason, Instant at) {
        jdbc.sql("""
                        insert into enrollment_revocation (id, enrollment_id, actor_id, reason, revoked_at)
                        values (:id, :enrollment, :actor, :reason, :at)""")
                .param("id", UUID.randomUUID()).param("enrollment", enrollmentId).param("actor", actorId)
                .param("reason", reason).param("at", Timestamp.from(at))
                .update();
    }

    public Optional<UUID> enrollmentOfRequest(UUID studentId, String idempotencyKey) {
        return jdbc.sql("select enrollment_id from enroll_request where student_id = :student and idempotency_key = :key")
                .param("student", studentId).param("key", idempotencyKey).query(UUID.class).optional();
    }

    public void rememberRequest(UUID studentId, String idempotencyKey, UUID enrollmentId, Instant now) {
        jdbc.sql("""
                        insert into enroll_request (student_id, idempotency_key, enrollment_id, created_at)
                        values (:student, :key, :enrollment, :now)""")
                .param("student", studentId).param("key", idempotencyKey).param("enrollment", enrollmentId)
                .param("now", Timestamp.from(now))
                .update();
    }

    public void rememberEarly(OrderChange change, Instant now) {
        jdbc.sql("""
                        insert into early_order_change (order_id, course_id, kind, dispute_id, occurred_at, received_at)
                        values (:order, :course, :kind, :dispute, :occurred, :now)""")
                .param("order", change.orderId()).param("course", change.courseId()).param("kind", change.kind().name())
                .param("dispute", change.disputeId()).param("occurred", Timestamp.from(change.occurredAt()))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Removes and answers the early changes of one course of an order, oldest first. */
    public List<OrderChange> takeEarly(UUID orderId, UUID courseId) {
        List<OrderChange> changes = jdbc.sql("""
                        select order_id, course_id, kind, dispute_id, occurred_at from early_order_change
                        where order_id = :order and course_id = :course order by occurred_at, received_at""")
                .param("order", orderId).param("course", courseId)
                .query((rs, row) -> new OrderChange(rs.getObject("order_id", UUID.class),
                        rs.getObject("course_id", UUID.class), OrderChange.Kind.valueOf(rs.getString("kind")),
                        rs.getObject("dispute_id", UUID.class), rs.getTimestamp("occurred_at").toInstant()))
                .list();
        jdbc.sql("delete from early_order_change where order_id = :order and course_id = :course")
                .param("order", orderId).param("course", courseId).update();
        return changes;
    }

    private static Enrollment map(ResultSet rs, int row) throws SQLException {
        return new Enrollment(rs.getObject("id", UUID.class), rs.getObject("student_id", UUID.class),
                rs.getObject("course_id", UUID.class), rs.getObject("instructor_id", UUID.class),
                EnrollmentSource.valueOf(rs.getString("source")), rs.getObject("order_id", UUID.class),
                rs.getObject("subscription_id", UUID.class), EnrollmentStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("started_at").toInstant(), instant(rs.getTimestamp("completed_at")),
                rs.getObject("dispute_id", UUID.class));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
