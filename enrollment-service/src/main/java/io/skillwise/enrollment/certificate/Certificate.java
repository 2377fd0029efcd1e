package io.skillwise.enrollment.certificate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Proof that a learner completed a course; {@code code} is what a third party uses to verify it. What it says is
 * fixed when it is issued: a later change of the course or of a name does not rewrite it.
 *
 * @param instructorName absent when identity had not told us the instructor's name when it was issued
 * @param courseLength   the sum of the lessons' expected lengths when it was issued; absent when no lesson had one
 */
public record Certificate(String code, UUID enrollmentId, UUID studentId, String learnerName, UUID courseId,
                          String courseTitle, UUID instructorId, String instructorName, Instant issuedAt,
                          Duration courseLength) {

    public Optional<String> instructor() {
        return Optional.ofNullable(instructorName);
    }

    public Optional<Duration> length() {
        return Optional.ofNullable(courseLength);
    }
}
