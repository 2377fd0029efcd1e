package io.skillwise.catalog.course;

import io.skillwise.catalog.category.Category;
import io.skillwise.catalog.category.CategoryService;
import io.skillwise.catalog.common.CatalogChanged;
import io.skillwise.catalog.common.ContentRemoved;
import io.skillwise.events.catalog.CategoryRef;
import io.skillwise.events.catalog.CourseChange;
import io.skillwise.events.catalog.CourseDeleted;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.CourseUnpublished;
import io.skillwise.events.catalog.CourseUpdated;
import io.skillwise.events.catalog.LessonOutline;
import io.skillwise.events.catalog.ModuleOutline;
import io.skillwise.events.catalog.QuizOutline;
import io.skillwise.events.catalog.QuizQuestion;
import io.skillwise.kit.messaging.EventPublisher;
import io.skillwise.kit.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns committed course changes into the {@code catalog.course.v1} facts, through the kit's transactional outbox
 * (called inside the use case's transaction). A course nobody outside the catalog has seen yet (never published)
 * emits nothing until it is published; from then on every change carries the whole course with its outline. Every
 * change also tells the browsing cache ({@link CatalogChanged}).
 */
@Component
class CourseChanges {

    private final EventPublisher events;
    private final ModuleRepository modules;
    private final LessonRepository lessons;
    private final CategoryService categories;
    private final Clock clock;
    private final ApplicationEventPublisher local;

    CourseChanges(EventPublisher events, ModuleRepository modules, LessonRepository lessons,
                  CategoryService categories, Clock clock, ApplicationEventPublisher local) {
        this.events = events;
        this.local = local;
        this.modules = modules;
        this.lessons = lessons;
        this.categories = categories;
        this.clock = clock;
    }

    void published(Course course, CurrentUser actor) {
        local.publishEvent(new CatalogChanged(course.id()));
        events.publish(new CoursePublished(course.id(), course.instructorId(), course.title(), course.subtitle(),
                categoryOf(course), course.level(), course.language(), course.status(), course.free(), course.price(),
                outline(course.id()), course.revision(), actor.id(), clock.instant()));
    }

    void updated(Course course, Set<CourseChange> changes, CurrentUser actor) {
        local.publishEvent(new CatalogChanged(course.id()));
        if (!course.everPublished() || changes.isEmpty()) {
            return;
        }
        events.publish(new CourseUpdated(course.id(), course.instructorId(), course.title(), course.subtitle(),
                categoryOf(course), course.level(), course.language(), course.status(), course.free(), course.price(),
                outline(course.id()), course.revision(), List.copyOf(changes), actor.id(), clock.instant()));
    }

    void unpublished(Course course, String reason, CurrentUser actor) {
        local.publishEvent(new CatalogChanged(course.id()));
        events.publish(new CourseUnpublished(course.id(), course.instructorId(), course.title(), reason,
                course.revision(), actor.id(), clock.instant()));
    }

    void deleted(Course course, CurrentUser actor) {
        local.publishEvent(new CatalogChanged(course.id()));
        local.publishEvent(ContentRemoved.wholeCourse(course.id()));
        if (course.everPublished()) {
            events.publish(new CourseDeleted(course.id(), course.instructorId(), actor.id(), clock.instant()));
        }
    }

    /** Lessons were deleted (their content files go after the commit); the course change itself is {@link #updated}. */
    void lessonsRemoved(Course course, List<UUID> lessonIds) {
        if (!lessonIds.isEmpty()) {
            local.publishEvent(new ContentRemoved(course.id(), lessonIds));
        }
    }

    private CategoryRef categoryOf(Course course) {
        Category category = categories.find(course.categoryId())
                .orElseThrow(() -> new IllegalStateException("course " + course.id() + " has no category"));
        return new CategoryRef(category.id(), category.slug(), category.name());
    }

    /** The curriculum with quiz answer keys (the grader needs them; the topic is internal). */
    private List<ModuleOutline> outline(UUID courseId) {
        Map<UUID, List<Lesson>> byModule = lessons.findByCourse(courseId).stream()
                .collect(Collectors.groupingBy(Lesson::moduleId));
        return modules.findByCourse(courseId).stream()
                .map(m -> new ModuleOutline(m.id(), m.title(), m.position(),
                        byModule.getOrDefault(m.id(), List.of()).stream().map(CourseChanges::outline).toList()))
                .toList();
    }

    private static LessonOutline outline(Lesson l) {
        QuizOutline quiz = l.quiz() == null ? null : new QuizOutline(l.quiz().passScore(), l.quiz().maxAttempts(),
                l.quiz().questions().stream()
                        .map(q -> new QuizQuestion(q.prompt(), q.options(), q.correctOptions())).toList());
        return new LessonOutline(l.id(), l.title(), l.position(), l.type(), l.durationSeconds(), l.preview(),
                l.availableAt(), l.availableAfterDays(), l.dueAt(), l.dueAfterDays(), quiz);
    }
}
