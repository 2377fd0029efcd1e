package io.skillwise.catalog.course;

import io.skillwise.catalog.category.Category;
import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.catalog.LessonType;
import io.skillwise.events.common.Money;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the course API answers. Quiz answer keys appear only in views built for the owner or an admin. */
public final class CourseViews {

    private CourseViews() {
    }

    public record InstructorView(UUID id, @Schema(example = "Ada Lovelace") String displayName) {
    }

    public record CategorySummary(UUID id, @Schema(example = "development") String slug,
                                  @Schema(example = "Development") String name) {
        static CategorySummary of(Category category) {
            return category == null ? null : new CategorySummary(category.id(), category.slug(), category.name());
        }
    }

    public record PriceView(@Schema(description = "Minor units (cents)", example = "4999") long amount,
                            @Schema(example = "USD") String currency) {
        static PriceView of(Money money) {
            return money == null ? null : new PriceView(money.amount(), money.currency());
        }
    }

    public record RatingView(@Schema(example = "4.6") double average, @Schema(example = "128") int count) {
    }

    public record SyllabusLesson(UUID id, String title, LessonType type, int position, Integer durationSeconds,
                                 boolean preview, Instant availableAt, Instant dueAt, Integer availableAfterDays,
                                 Integer dueAfterDays) {
        static SyllabusLesson of(Lesson l) {
            return new SyllabusLesson(l.id(), l.title(), l.type(), l.position(), l.durationSeconds(), l.preview(),
                    l.availableAt(), l.dueAt(), l.availableAfterDays(), l.dueAfterDays());
        }
    }

    public record SyllabusModule(UUID id, String title, int position, List<SyllabusLesson> lessons) {
    }

    public record CourseView(
            UUID id, String title, String subtitle, String description, InstructorView instructor,
            CategorySummary category, CourseLevel level, String language, boolean free, PriceView price,
            List<String> objectives, List<String> requirements, List<String> tags, CourseStatus status,
            RatingView rating, int enrollmentCount, String thumbnailUrl, String introVideoUrl,
            List<SyllabusModule> syllabus, int lessonCount, long totalDurationSeconds,
            Instant createdAt, Instant updatedAt, Instant publishedAt) {

        static CourseView of(Course c, Category category, List<CourseModule> modules, List<Lesson> lessons) {
            Map<UUID, List<Lesson>> byModule = lessons.stream().collect(Collectors.groupingBy(Lesson::moduleId));
            List<SyllabusModule> syllabus = modules.stream()
                    .map(m -> new SyllabusModule(m.id(), m.title(), m.position(),
                            byModule.getOrDefault(m.id(), List.of()).stream().map(SyllabusLesson::of).toList()))
                    .toList();
            long duration = lessons.stream().mapToLong(l -> l.durationSeconds() == null ? 0 : l.durationSeconds()).sum();
            return new CourseView(c.id(), c.title(), c.subtitle(), c.description(),
                    new InstructorView(c.instructorId(), c.instructorName()), CategorySummary.of(category), c.level(),
                    c.language(), c.free(), PriceView.of(c.price()), c.objectives(), c.requirements(), c.tags(),
                    c.status(), new RatingView(c.ratingAverage(), c.ratingCount()), c.enrollmentCount(),
                    c.thumbnailUrl(), c.introVideoUrl(), syllabus, lessons.size(), duration, c.createdAt(),
                    c.updatedAt(), c.publishedAt());
        }
    }

    public record ModuleView(UUID id, UUID courseId, @Schema(example = "Getting started") String title,
                             @Schema(example = "0") int position) {
        static ModuleView of(CourseModule m) {
            return new ModuleView(m.id(), m.courseId(), m.title(), m.position());
        }
    }

    /** {@code correctOptions} is absent unless the caller owns the course or is an admin. */
    public record QuestionView(@Schema(example = "Which keyword declares a constant?") String prompt,
                               @ArraySchema(schema = @Schema(example = "final")) List<String> options,
                               @ArraySchema(schema = @Schema(example = "0")) List<Integer> correctOptions) {
    }

    public record QuizView(@Schema(example = "70") int passScore, @Schema(example = "3") Integer maxAttempts,
                           List<QuestionView> questions) {
        static QuizView of(Quiz quiz, boolean withAnswers) {
            return quiz == null ? null : new QuizView(quiz.passScore(), quiz.maxAttempts(), quiz.questions().stream()
                    .map(q -> new QuestionView(q.prompt(), q.options(), withAnswers ? q.correctOptions() : null))
                    .toList());
        }
    }

    /** A lesson with its content. */
    public record LessonView(UUID id, UUID moduleId, UUID courseId, @Schema(example = "Variables and types") String title,
                             LessonType type, @Schema(example = "0") int position,
                             @Schema(example = "A variable names a value.") String body,
                             @Schema(example = "540") Integer durationSeconds, boolean preview, Instant availableAt,
                             Instant dueAt, @Schema(example = "7") Integer availableAfterDays,
                             @Schema(example = "14") Integer dueAfterDays, QuizView quiz) {
        static LessonView of(Lesson l, boolean withAnswers) {
            return new LessonView(l.id(), l.moduleId(), l.courseId(), l.title(), l.type(), l.position(), l.body(),
                    l.durationSeconds(), l.preview(), l.availableAt(), l.dueAt(), l.availableAfterDays(),
                    l.dueAfterDays(), QuizView.of(l.quiz(), withAnswers));
        }
    }
}
