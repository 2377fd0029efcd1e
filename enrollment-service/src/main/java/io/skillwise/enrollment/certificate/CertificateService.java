package io.skillwise.enrollment.certificate;

import io.skillwise.enrollment.replica.Course;
import io.skillwise.enrollment.enrollment.Enrollment;
import io.skillwise.enrollment.enrollment.EnrollmentService;
import io.skillwise.enrollment.enrollment.EnrollmentStatus;
import io.skillwise.enrollment.replica.Lesson;
import io.skillwise.enrollment.replica.PeopleService;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Issues certificates on completion, renders them for their learner, and verifies them for anyone. */
@Service
public class CertificateService {

    /**
     * What a verifier is shown: enough to confirm the claim, nothing more about the learner; and what sharing needs.
     *
     * @param verificationUrl  this answer's public address, printed and in the QR code on the certificate
     * @param imageUrl         the certificate as a PNG, for social profiles and posts
     * @param addToProfileUrl  LinkedIn's "add to profile" form, filled in with this certification
     */
    public record Verification(String code, boolean valid, String learnerName, UUID courseId, String courseTitle,
                               String instructorName, Instant completedAt, Long courseLengthMinutes,
                               String verificationUrl, String imageUrl, String addToProfileUrl) {
    }

    /** Only when neither identity nor a token told us the learner's name (completion by a curriculum change). */
    private static final String UNKNOWN_LEARNER = "SkillWise learner";

    private final CertificateRepository certificates;
    private final EnrollmentService enrollments;
    private final PeopleService people;
    private final CertificateLinks links;

    public CertificateService(CertificateRepository certificates, EnrollmentService enrollments, PeopleService people,
                              CertificateProperties properties) {
        this.people = people;
        this.certificates = certificates;
        this.enrollments = enrollments;
        this.links = new CertificateLinks(properties);
    }

    /**
     * Issues the certificate of a completed enrollment in the caller's transaction; an enrollment completed again
     * (a lesson added, then done) keeps its first certificate.
     *
     * @param learnerName the name in the learner's token, or null when the learner did not trigger the completion
     * @return the verification code
     */
    @Transactional
    public String issue(Enrollment enrollment, Course course, String learnerName, Instant at) {
        Optional<Certificate> existing = certificates.findByEnrollment(enrollment.id());
        if (existing.isPresent()) {
            return existing.get().code();
        }
        // names as identity knows them; the token's name is the fallback for a learner identity has not told us about
        Certificate certificate = new Certificate(VerificationCodes.next(), enrollment.id(), enrollment.studentId(),
                people.certificateName(enrollment.studentId()).or(() -> Optional.ofNullable(learnerName))
                        .orElse(UNKNOWN_LEARNER), course.id(), course.title(),
                enrollment.instructorId(), people.displayName(enrollment.instructorId()).orElse(null), at,
                length(course).orElse(null));
        certificates.insertIfAbsent(certificate);
        return certificate.code();
    }

    /** The learner's certificate as PDF; anyone else's enrollment is 404, an unfinished course 409. */
    @Transactional(readOnly = true)
    public byte[] pdf(UUID enrollmentId, CurrentUser user) {
        Certificate certificate = ownCertificate(enrollmentId, user);
        return CertificatePdf.render(certificate, links.verification(certificate));
    }

    /**
     * At the learner's request, the certificate again with the names as identity knows them now (a learner who
     * changed their name or chose another certificate name): same code, so copies already shared still verify, now
     * showing the new name.
     */
    @Transactional
    public Verification reissue(UUID enrollmentId, CurrentUser user) {
        Certificate certificate = ownCertificate(enrollmentId, user);
        certificates.rename(certificate.code(),
                people.certificateName(certificate.studentId()).orElse(certificate.learnerName()),
                people.displayName(certificate.instructorId()).orElse(certificate.instructorName()));
        return verify(certificate.code());
    }

    private Certificate ownCertificate(UUID enrollmentId, CurrentUser user) {
        Enrollment enrollment = enrollments.own(enrollmentId, user);
        if (enrollment.status() != EnrollmentStatus.COMPLETED) {
            throw ApiException.conflict("enrollment " + enrollmentId + " is " + enrollment.status()
                    + ": a certificate exists only for a completed course");
        }
        return certificates.findByEnrollment(enrollmentId)
                .orElseThrow(() -> ApiException.notFound("certificate of enrollment " + enrollmentId));
    }

    /**
     * Public: the certificate of a code as a PNG, for whoever the learner shared the code with; only while it is
     * valid, so a picture of a voided certificate is not handed out (its verification still says it was voided).
     */
    @Transactional(readOnly = true)
    public byte[] png(String code) {
        Certificate certificate = byCode(code);
        if (!valid(certificate)) {
            throw ApiException.notFound("certificate " + code + " (no longer valid)");
        }
        return CertificateImage.png(CertificatePdf.render(certificate, links.verification(certificate)));
    }

    /** Public verification: valid while the enrollment stays completed (a refund or lost dispute voids it). */
    @Transactional(readOnly = true)
    public Verification verify(String code) {
        Certificate certificate = byCode(code);
        return new Verification(certificate.code(), valid(certificate), certificate.learnerName(), certificate.courseId(),
                certificate.courseTitle(), certificate.instructorName(), certificate.issuedAt(),
                certificate.length().map(Duration::toMinutes).orElse(null), links.verification(certificate),
                links.image(certificate), links.addToProfile(certificate));
    }

    private boolean valid(Certificate certificate) {
        return enrollments.find(certificate.enrollmentId())
                .map(enrollment -> enrollment.status() == EnrollmentStatus.COMPLETED).orElse(false);
    }

    private Certificate byCode(String code) {
        String normalized = code == null ? null : code.trim().toUpperCase(Locale.ROOT);
        return Optional.ofNullable(normalized).filter(VerificationCodes::wellFormed)
                .flatMap(certificates::findByCode)
                .orElseThrow(() -> ApiException.notFound("certificate " + code));
    }

    /** The sum of the lessons' expected lengths; empty when the instructor gave none. */
    private static Optional<Duration> length(Course course) {
        long seconds = course.lessons().stream().map(Lesson::durationSeconds).filter(Objects::nonNull)
                .mapToLong(Integer::longValue).sum();
        return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    }
}
