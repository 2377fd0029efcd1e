package io.skillwise.enrollment.certificate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

@Repository
public class CertificateRepository {

    private static final String COLUMNS =
            "code, enrollment_id, student_id, learner_name, course_id, course_title, instructor_id, instructor_name, "
                    + "issued_at, course_length_seconds";

    private final JdbcClient jdbc;

    public CertificateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the enrollment already has a certificate (it keeps its first code) */
    public boolean insertIfAbsent(Certificate certificate) {
        return jdbc.sql("""
                        insert into certificate (code, enrollment_id, student_id, learner_name, course_id, course_title,
                                                 instructor_id, instructor_name, issued_at, course_length_seconds)
                        values (:code, :enrollment, :student, :learner, :course, :title, :instructor, :instructorName,
                                :issued, :length)
                        on conflict (enrollment_id) do nothing""")
                .param("code", certificate.code()).param("enrollment", certificate.enrollmentId())
                .param("student", certificate.studentId()).param("learner", certificate.learnerName())
                .param("course", certificate.courseId()).param("title", certificate.courseTitle())
                .param("instructor", certificate.instructorId())
                .param("instructorName", certificate.instructorName())
                .param("issued", Timestamp.from(certificate.issuedAt()))
                .param("length", certificate.length().map(Duration::toSeconds).orElse(null), Types.BIGINT)
                .update() == 1;
    }

    /** A reissue: the names printed change, the code and everything else stay. */
    public void rename(String code, String learnerName, String instructorName) {
        jdbc.sql("update certificate set learner_name = :learner, instructor_name = :instructor where code = :code")
                .param("learner", learnerName).param("instructor", instructorName).param("code", code).update();
    }

    public Optional<Certificate> findByEnrollment(UUID enrollmentId) {
        return jdbc.sql("select " + COLUMNS + " from certificate where enrollment_id = :id")
                .param("id", enrollmentId).query(CertificateRepository::map).optional();
    }

    public Optional<Certificate> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from certificate where code = :code")
                .param("code", code).query(CertificateRepository::map).optional();
    }

    private static Certificate map(ResultSet rs, int row) throws SQLException {
        return new Certificate(rs.getString("code"), rs.getObject("enrollment_id", UUID.class),
                rs.getObject("student_id", UUID.class), rs.getString("learner_name"),
                rs.getObject("course_id", UUID.class), rs.getString("course_title"),
                rs.getObject("instructor_id", UUID.class), rs.getString("instructor_name"),
                rs.getTimestamp("issued_at").toInstant(),
                Optional.ofNullable(rs.getObject("course_length_seconds", Long.class)).map(Duration::ofSeconds)
                        .orElse(null));
    }
}
