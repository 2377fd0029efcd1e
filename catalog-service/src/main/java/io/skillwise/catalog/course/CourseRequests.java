package io.skillwise.catalog.course;

import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.events.catalog.LessonType;
import io.skillwise.kit.web.MoneyRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * What clients may send about courses, modules and lessons. Only these fields bind (no owner, status, counts or
 * revision), and unknown fields are refused (Jackson fails on unknown properties), so nothing is mass-assigned.
 */
public final class CourseRequests {

    static final String LANGUAGE_TAG = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*";
    /** A lesson of a day at most; longer material is split into lessons. */
    static final int MAX_LESSON_SECONDS = 86_400;
    /** A position past the end means last, so a bound costs nothing; no course has this many modules or lessons. */
    static final int MAX_POSITION = 10_000;
    /** Drip and due dates up to ten years after enrolling. */
    static final int MAX_DAYS = 3_650;

    private CourseRequests() {
    }

    /** {@code category} is a category id or slug. */
    public record CreateCourseRequest(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 300) String subtitle,
            @NotBlank @Size(max = 20_000) String description,
            @Size(max = 80) String category,
            @NotNull CourseLevel level,
            @NotBlank @Pattern(regexp = LANGUAGE_TAG, message = "must be a BCP 47 language tag such as en or pt-BR")
            @Size(max = 35) String language,
            @Valid MoneyRequest price,
            Boolean free,
            @Size(max = 30) List<@NotBlank @Size(max = 300) String> objectives,
            @Size(max = 30) List<@NotBlank @Size(max = 300) String> requirements,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
            @Size(max = 1000) String thumbnailUrl,
            @Size(max = 1000) String introVideoUrl) {
    }

    /** A partial update: absent fields stay as they are; an empty subtitle clears it. */
    public record UpdateCourseRequest(
            @Size(min = 1, max = 200) String title,
            @Size(max = 300) String subtitle,
            @Size(min = 1, max = 20_000) String description,
            @Size(max = 80) String category,
            CourseLevel level,
            @Pattern(regexp = LANGUAGE_TAG, message = "must be a BCP 47 language tag such as en or pt-BR")
            @Size(max = 35) String language,
            @Valid MoneyRequest price,
            Boolean free,
            @Size(max = 30) List<@NotBlank @Size(max = 300) String> objectives,
            @Size(max = 30) List<@NotBlank @Size(max = 300) String> requirements,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
            @Size(max = 1000) String thumbnailUrl,
            @Size(max = 1000) String introVideoUrl) {
    }

    /** Optional body of an unpublish; an admin acting on an instructor's course must say why. */
    public record UnpublishRequest(@Size(max = 1000) String reason) {
    }

    public record CreateModuleRequest(@NotBlank @Size(max = 200) String title,
                                      @PositiveOrZero @Max(MAX_POSITION) Integer position) {
    }

    /** Rename and/or move; a position past the end means last. */
    public record UpdateModuleRequest(@Size(min = 1, max = 200) String title,
                                      @PositiveOrZero @Max(MAX_POSITION) Integer position) {
    }

    public record QuestionRequest(
            @NotBlank @Size(max = 2000) String prompt,
            @NotNull @Size(min = 2, max = 10) List<@NotBlank @Size(max = 500) String> options,
            @NotEmpty @Size(max = 10) List<@NotNull @PositiveOrZero @Max(9) Integer> correctOptions) {
    }

    public record QuizRequest(
            @Min(0) @Max(100) Integer passScore,
            @Min(1) @Max(100) Integer maxAttempts,
            @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull QuestionRequest> questions) {

        Quiz toQuiz() {
            return new Quiz(passScore == null ? Quiz.DEFAULT_PASS_SCORE : passScore, maxAttempts,
                    questions.stream().map(q -> new Quiz.Question(q.prompt(), q.options(), q.correctOptions())).toList());
        }
    }

    public record CreateLessonRequest(
            @NotBlank @Size(max = 200) String title,
            @NotNull LessonType type,
            @Size(max = 100_000) String body,
            @PositiveOrZero @Max(MAX_LESSON_SECONDS) Integer durationSeconds,
            Boolean preview,
            Instant availableAt,
            Instant dueAt,
            @PositiveOrZero @Max(MAX_POSITION) Integer position,
            @Valid QuizRequest quiz,
            @PositiveOrZero @Max(MAX_DAYS) Integer availableAfterDays,
            @PositiveOrZero @Max(MAX_DAYS) Integer dueAfterDays) {
    }

    public record UpdateLessonRequest(
            @Size(min = 1, max = 200) String title,
            LessonType type,
            @Size(max = 100_000) String body,
            @PositiveOrZero @Max(MAX_LESSON_SECONDS) Integer durationSeconds,
            Boolean preview,
            Instant availableAt,
            Instant dueAt,
            @PositiveOrZero @Max(MAX_POSITION) Integer position,
            @Valid QuizRequest quiz,
            @PositiveOrZero @Max(MAX_DAYS) Integer availableAfterDays,
            @PositiveOrZero @Max(MAX_DAYS) Integer dueAfterDays) {
    }
}
