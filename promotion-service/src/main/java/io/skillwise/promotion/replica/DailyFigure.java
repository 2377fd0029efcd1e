package io.skillwise.promotion.replica;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One course's figure on one UTC day: a count (enrollments, purchases) and, for purchases, the amount paid.
 *
 * @param currency absent for counts without money
 */
public record DailyFigure(UUID courseId, LocalDate day, long count, long amount, String currency) {
}
