package io.skillwise.promotion.replica;

import io.skillwise.events.enrollment.StudentEnrolled;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Enrollments as counted for campaign spikes (table {@code enrollment_fact}). */
@Repository
class EnrollmentRepository {

    private final JdbcClient jdbc;

    EnrollmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(StudentEnrolled enrolled) {
        jdbc.sql("""
                        insert into enrollment_fact (enrollment_id, course_id, student_id, enrolled_at)
                        values (:id, :course, :student, :at) on conflict (enrollment_id) do nothing""")
                .param("id", enrolled.enrollmentId()).param("course", enrolled.courseId())
                .param("student", enrolled.studentId()).param("at", Timestamp.from(enrolled.enrolledAt()))
                .update();
    }

    List<DailyFigure> daily(Collection<UUID> courseIds, Instant from, Instant to) {
        return jdbc.sql("""
                        select course_id, cast(enrolled_at at time zone 'UTC' as date) as day, count(*) as n
                        from enrollment_fact
                        where enrolled_at >= :from and enrolled_at < :to"""
                        + PurchaseRepository.courseFilter(courseIds) + """
                         group by course_id, day""")
                .params(PurchaseRepository.params(courseIds, from, to))
                .query((rs, row) -> new DailyFigure(rs.getObject("course_id", UUID.class),
                        rs.getObject("day", LocalDate.class), rs.getLong("n"), 0, null))
                .list();
    }
}
