package io.skillwise.catalog.course;

import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.events.catalog.LessonType;
import io.skillwise.kit.web.MoneyRequest;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
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

    // examples of the OpenAPI document (docs/api-conventions.md#openapi), shared by create and update
    private static final String TITLE = "Java for Beginners";
    private static final String SUBTITLE = "From your first class to a working command-line app";
    private static final String DESCRIPTION = "Twelve hours of video and exercises that take you from installing a "
            + "JDK to writing, testing and packaging a small application.";
    private static final String CATEGORY = "development";
    private static final String OBJECTIVE = "Write and test classes and records";
    private static final String REQUIREMENT = "A computer that can run Java 21";
    private static final String TAG = "java";
    private static final String THUMBNAIL_URL = "https://cdn.skillwise.io/thumbnails/java-for-beginners.png";
    private static final String INTRO_VIDEO_URL = "https://cdn.skillwise.io/videos/java-for-beginners-intro.mp4";
    private static final String LESSON_TITLE = "Variables and types";
    private static final String LESSON_BODY = "A variable names a value. In this lesson we declare `int`, `String` "
            + "and `var` variables and see what the compiler infers.";

    private CourseRequests() {
    }

    /** {@code category} is a category id or slug. */
    public record CreateCourseRequest(
            @Schema(example = TITLE) @NotBlank @Size(max = 200) String title,
            @Schema(example = SUBTITLE) @Size(max = 300) String subtitle,
            @Schema(example = DESCRIPTION) @NotBlank @Size(max = 20_000) String description,
            @Schema(example = CATEGORY) @Size(max = 80) String category,
            @NotNull CourseLevel level,
            @Schema(example = "en")
            @NotBlank @Pattern(regexp = LANGUAGE_TAG, message = "must be a BCP 47 language tag such as en or pt-BR")
            @Size(max = 35) String language,
            @Valid MoneyRequest price,
            Boolean free,
            @ArraySchema(schema = @Schema(example = OBJECTIVE))
            @Size(max = 30) List<@NotBlank @Size(max = 300) String> objectives,
            @ArraySchema(schema = @Schema(example = REQUIREMENT))
            @Size(max = 30) List<@NotBlank @Size(max = 300) String> requirements,
            @ArraySchema(schema = @Schema(example = TAG))
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
            @Schema(example = THUMBNAIL_URL) @Size(max = 1000) String thumbnailUrl,
            @Schema(example = INTRO_VIDEO_URL) @Size(max = 1000) String introVideoUrl) {
    }

    /** A partial update: absent fields stay as they are; an empty subtitle clears it. */
    public record UpdateCourseRequest(
            @Schema(example = TITLE) @Size(min = 1, max = 200) String title,
            @Schema(example = SUBTITLE) @Size(max = 300) String subtitle,
            @Schema(example = DESCRIPTION) @Size(min = 1, max = 20_000) String description,
            @Schema(example = CATEGORY) @Size(max = 80) String category,
            CourseLevel level,
            @Schema(example = "en")
            @Pattern(regexp = LANGUAGE_TAG, message = "must be a BCP 47 language tag such as en or pt-BR")
            @Size(max = 35) String language,
            @Valid MoneyRequest price,
            Boolean free,
            @ArraySchema(schema = @Schema(example = OBJECTIVE))
            @Size(max = 30) List<@NotBlank @Size(max = 300) String> objectives,
            @ArraySchema(schema = @Schema(example = REQUIREMENT))
            @Size(max = 30) List<@NotBlank @Size(max = 300) String> requirements,
            @ArraySchema(schema = @Schema(example = TAG))
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
            @Schema(example = THUMBNAIL_URL) @Size(max = 1000) String thumbnailUrl,
            @Schema(example = INTRO_VIDEO_URL) @Size(max = 1000) String introVideoUrl) {
    }

    /** Optional body of an unpublish; an admin acting on an instructor's course must say why. */
    public record UnpublishRequest(@Schema(example = "The course links to pirated material.") @Size(max = 1000)
                                   String reason) {
    }

    public record CreateModuleRequest(@Schema(example = "Getting started") @NotBlank @Size(max = 200) String title,
                                      @Schema(example = "0") @PositiveOrZero @Max(MAX_POSITION) Integer position) {
    }

    /** Rename and/or move; a position past the end means last. */
    public record UpdateModuleRequest(@Schema(example = "Getting started") @Size(min = 1, max = 200) String title,
                                      @Schema(example = "1") @PositiveOrZero @Max(MAX_POSITION) Integer position) {
    }

    public record QuestionRequest(
            @Schema(example = "Which keyword declares a constant?") @NotBlank @Size(max = 2000) String prompt,
            @ArraySchema(schema = @Schema(example = "final"))
            @NotNull @Size(min = 2, max = 10) List<@NotBlank @Size(max = 500) String> options,
            @ArraySchema(schema = @Schema(description = "Indexes into options, from 0", example = "0"))
            @NotEmpty @Size(max = 10) List<@NotNull @PositiveOrZero @Max(9) Integer> correctOptions) {
    }

    public record QuizRequest(
            @Schema(description = "Percent of questions to get right", example = "70") @Min(0) @Max(100)
            Integer passScore,
            @Schema(example = "3") @Min(1) @Max(100) Integer maxAttempts,
            @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull QuestionRequest> questions) {

        Quiz toQuiz() {
            return new Quiz(passScore == null ? Quiz.DEFAULT_PASS_SCORE : passScore, maxAttempts,
                    questions.stream().map(q -> new Quiz.Question(q.prompt(), q.options(), q.correctOptions())).toList());
        }
    }

    public record CreateLessonRequest(
            @Schema(example = LESSON_TITLE) @NotBlank @Size(max = 200) String title,
            @NotNull LessonType type,
            @Schema(example = LESSON_BODY) @Size(max = 100_000) String body,
            @Schema(example = "540") @PositiveOrZero @Max(MAX_LESSON_SECONDS) Integer durationSeconds,
            Boolean preview,
            Instant availableAt,
            Instant dueAt,
            @Schema(example = "0") @PositiveOrZero @Max(MAX_POSITION) Integer position,
            @Valid QuizRequest quiz,
            @Schema(example = "7") @PositiveOrZero @Max(MAX_DAYS) Integer availableAfterDays,
            @Schema(example = "14") @PositiveOrZero @Max(MAX_DAYS) Integer dueAfterDays) {
    }

    public record UpdateLessonRequest(
            @Schema(example = LESSON_TITLE) @Size(min = 1, max = 200) String title,
            LessonType type,
            @Schema(example = LESSON_BODY) @Size(max = 100_000) String body,
            @Schema(example = "540") @PositiveOrZero @Max(MAX_LESSON_SECONDS) Integer durationSeconds,
            Boolean preview,
            Instant availableAt,
            Instant dueAt,
            @Schema(example = "0") @PositiveOrZero @Max(MAX_POSITION) Integer position,
            @Valid QuizRequest quiz,
            @Schema(example = "7") @PositiveOrZero @Max(MAX_DAYS) Integer availableAfterDays,
            @Schema(example = "14") @PositiveOrZero @Max(MAX_DAYS) Integer dueAfterDays) {
    }
}
