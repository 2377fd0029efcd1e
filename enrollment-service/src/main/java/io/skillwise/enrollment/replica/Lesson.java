package io.skillwise.enrollment.replica;

import io.skillwise.events.catalog.LessonType;
import io.skillwise.events.catalog.QuizOutline;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One lesson of a replicated curriculum. The quiz keeps the catalog's answer key, so it must never be sent to a
 * learner.
 *
 * @param position           place in the whole course (modules flattened)
 * @param durationSeconds    expected length; absent when the instructor gave none
 * @param availableAt        the lesson opens at this instant (live or dripped lessons)
 * @param availableAfterDays the lesson opens this many days after the learner enrolled
 */
public record Lesson(UUID id, String title, int position, LessonType type, Integer durationSeconds,
                     Instant availableAt, Integer availableAfterDays, QuizOutline quiz) {

    /** When the lesson opens for a learner who enrolled at {@code enrolledAt}; empty when it is open from the start. */
    public Optional<Instant> opensAt(Instant enrolledAt) {
        if (availableAt != null) {
            return Optional.of(availableAt);
        }
        if (availableAfterDays != null) {
            return Optional.of(enrolledAt.plus(Duration.ofDays(availableAfterDays)));
        }
        return Optional.empty();
    }

    public boolean openAt(Instant now, Instant enrolledAt) {
        return opensAt(enrolledAt).map(opens -> !now.isBefore(opens)).orElse(true);
    }

    public Optional<QuizOutline> quizOutline() {
        return Optional.ofNullable(quiz);
    }
}
