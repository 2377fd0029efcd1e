package io.skillwise.events.catalog;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * One lesson of a curriculum, with what enrollment needs to count progress, open dripped lessons and grade quizzes,
 * and what notification needs to send reminders. A schedule is either absolute ({@code availableAt}, {@code dueAt})
 * or relative to the learner's enrollment date ({@code availableAfterDays}, {@code dueAfterDays}), never both.
 *
 * @param lessonId           the lesson id
 * @param title              the lesson title
 * @param position           zero-based place of the lesson in its module
 * @param type               the kind of content
 * @param durationSeconds    expected time to finish the lesson; absent when the instructor gave none
 * @param preview            anyone may open the lesson without enrolling
 * @param availableAt        the lesson cannot be completed before this instant (live or dripped lessons)
 * @param availableAfterDays the lesson opens this many days after the learner enrolled
 * @param dueAt              deadline of an assignment or assessment
 * @param dueAfterDays       deadline counted in days from the learner's enrollment
 * @param quiz               the quiz with its answer key; present exactly for {@link LessonType#QUIZ} lessons
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LessonOutline(
        UUID lessonId,
        String title,
        int position,
        LessonType type,
        Integer durationSeconds,
        boolean preview,
        Instant availableAt,
        Integer availableAfterDays,
        Instant dueAt,
        Integer dueAfterDays,
        QuizOutline quiz) {

    public LessonOutline {
        requireNonNull(lessonId, "lessonId");
        requireNonNull(title, "title");
        requireNonNull(type, "type");
        if ((type == LessonType.QUIZ) != (quiz != null)) {
            throw new IllegalArgumentException("a quiz is carried exactly by QUIZ lessons (lesson " + lessonId + ")");
        }
        if (availableAt != null && availableAfterDays != null || dueAt != null && dueAfterDays != null) {
            throw new IllegalArgumentException("a schedule is absolute or relative, not both (lesson " + lessonId + ")");
        }
    }
}
