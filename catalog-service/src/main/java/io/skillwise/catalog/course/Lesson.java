package io.skillwise.catalog.course;

import io.skillwise.events.catalog.LessonType;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One lesson of a module. A QUIZ lesson carries a {@link Quiz}, other types never do. Its schedule is absolute
 * ({@code availableAt}, {@code dueAt}: live sessions, fixed deadlines) or relative to each learner's enrollment
 * ({@code availableAfterDays}, {@code dueAfterDays}: dripped lessons), never both for the same end; a lesson due before
 * it opens makes no sense.
 */
public record Lesson(UUID id, UUID moduleId, UUID courseId, String title, LessonType type, String body,
                     Integer durationSeconds, boolean preview, Instant availableAt, Instant dueAt, Quiz quiz,
                     int position, Integer availableAfterDays, Integer dueAfterDays) {

    /** A lesson without a relative schedule. */
    public Lesson(UUID id, UUID moduleId, UUID courseId, String title, LessonType type, String body,
                  Integer durationSeconds, boolean preview, Instant availableAt, Instant dueAt, Quiz quiz, int position) {
        this(id, moduleId, courseId, title, type, body, durationSeconds, preview, availableAt, dueAt, quiz, position,
                null, null);
    }

    public Lesson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(moduleId, "moduleId");
        Objects.requireNonNull(courseId, "courseId");
        if (title == null || title.isBlank()) {
            throw CourseRuleException.invalid("The lesson title must not be blank.");
        }
        title = title.strip();
        if (type == null) {
            throw CourseRuleException.invalid("The lesson type is required.");
        }
        if (type == LessonType.QUIZ && quiz == null) {
            throw CourseRuleException.invalid("A QUIZ lesson needs a quiz with questions.");
        }
        if (type != LessonType.QUIZ && quiz != null) {
            throw CourseRuleException.invalid("Only a QUIZ lesson can have a quiz.");
        }
        if (durationSeconds != null && durationSeconds < 0) {
            throw CourseRuleException.invalid("The duration must not be negative.");
        }
        if (availableAt != null && dueAt != null && dueAt.isBefore(availableAt)) {
            throw CourseRuleException.invalid("A lesson cannot be due before it is available.");
        }
        if (position < 0) {
            throw CourseRuleException.invalid("A position starts at 0.");
        }
        if (availableAt != null && availableAfterDays != null || dueAt != null && dueAfterDays != null) {
            throw CourseRuleException.invalid("A schedule is absolute (availableAt, dueAt) or relative to enrollment "
                    + "(availableAfterDays, dueAfterDays), not both.");
        }
        if (availableAfterDays != null && availableAfterDays < 0 || dueAfterDays != null && dueAfterDays < 0) {
            throw CourseRuleException.invalid("Days after enrollment must not be negative.");
        }
        if (availableAfterDays != null && dueAfterDays != null && dueAfterDays < availableAfterDays) {
            throw CourseRuleException.invalid("A lesson cannot be due before it is available.");
        }
    }

    /** The lesson with the given changes applied; {@code null} leaves a part as it is. */
    public Lesson with(Changes changes) {
        LessonType newType = changes.type() != null ? changes.type() : type;
        Quiz newQuiz = changes.quiz() != null ? changes.quiz() : (newType == LessonType.QUIZ ? quiz : null);
        return new Lesson(id, moduleId, courseId,
                changes.title() != null ? changes.title() : title,
                newType,
                changes.body() != null ? changes.body() : body,
                changes.durationSeconds() != null ? changes.durationSeconds() : durationSeconds,
                changes.preview() != null ? changes.preview() : preview,
                changes.availableAt() != null ? changes.availableAt() : availableAt,
                changes.dueAt() != null ? changes.dueAt() : dueAt,
                newQuiz,
                position,
                changes.availableAfterDays() != null ? changes.availableAfterDays() : availableAfterDays,
                changes.dueAfterDays() != null ? changes.dueAfterDays() : dueAfterDays);
    }

    public Lesson at(int newPosition) {
        return new Lesson(id, moduleId, courseId, title, type, body, durationSeconds, preview, availableAt, dueAt,
                quiz, newPosition, availableAfterDays, dueAfterDays);
    }

    public boolean scheduleDiffers(Lesson other) {
        return !Objects.equals(availableAt, other.availableAt) || !Objects.equals(dueAt, other.dueAt)
                || !Objects.equals(availableAfterDays, other.availableAfterDays)
                || !Objects.equals(dueAfterDays, other.dueAfterDays);
    }

    /** A partial update of a lesson. */
    public record Changes(String title, LessonType type, String body, Integer durationSeconds, Boolean preview,
                          Instant availableAt, Instant dueAt, Quiz quiz, Integer availableAfterDays,
                          Integer dueAfterDays) {

        public Changes(String title, LessonType type, String body, Integer durationSeconds, Boolean preview,
                       Instant availableAt, Instant dueAt, Quiz quiz) {
            this(title, type, body, durationSeconds, preview, availableAt, dueAt, quiz, null, null);
        }
    }
}
