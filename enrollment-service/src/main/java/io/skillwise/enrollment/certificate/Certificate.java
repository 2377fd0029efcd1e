package io.skillwise.enrollment.certificate;

import java.time.Instant;
import java.util.UUID;

/**
 * Proof that a learner completed a course; {@code code} is what a third party uses to verify it.
 *
 * @param instructorName absent when identity had not told us the instructor's name when it was issued
 */
public record Certificate(String code, UUID enrollmentId, UUID studentId, String learnerName, UUID courseId,
                          String courseTitle, UUID instructorId, String instructorName, Instant issuedAt) {
}
