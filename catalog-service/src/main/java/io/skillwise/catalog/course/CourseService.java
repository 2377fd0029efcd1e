package io.skillwise.catalog.course;

import io.skillwise.catalog.category.Category;
import io.skillwise.catalog.category.CategoryService;
import io.skillwise.catalog.common.BrowsingCache;
import io.skillwise.catalog.course.CourseRequests.CreateCourseRequest;
import io.skillwise.catalog.course.CourseRequests.UpdateCourseRequest;
import io.skillwise.catalog.course.CourseViews.CourseView;
import io.skillwise.events.catalog.CourseChange;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.SecondFactorPolicy;
import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.MoneyRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Course use cases: one transaction each; the rules are in {@link Course}. */
@Service
public class CourseService {

    private final CourseRepository courses;
    private final ModuleRepository modules;
    private final LessonRepository lessons;
    private final CategoryService categories;
    private final CourseAccess access;
    private final CourseChanges changes;
    private static final TypeReference<CourseView> COURSE_VIEW = new TypeReference<>() { };

    private final Clock clock;
    private final BrowsingCache cache;
    private final SecondFactorPolicy secondFactor;

    public CourseService(CourseRepository courses, ModuleRepository modules, LessonRepository lessons,
                         CategoryService categories, CourseAccess access, CourseChanges changes, Clock clock,
                         BrowsingCache cache, SecondFactorPolicy secondFactor) {
        this.cache = cache;
        this.secondFactor = secondFactor;
        this.courses = courses;
        this.modules = modules;
        this.lessons = lessons;
        this.categories = categories;
        this.access = access;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public CourseView create(CreateCourseRequest request, CurrentUser instructor) {
        return Rules.enforce(() -> {
            Course course = Course.draft(UUID.randomUUID(), instructor.id(), instructor.displayName(),
                    request.title(), request.description(), request.level(), request.language(), clock.instant());
            course.changeSubtitle(request.subtitle());
            Category category = null;
            if (request.category() != null) {
                category = category(request.category());
                course.fileUnder(category.id());
            }
            course.price(request.free(), money(request.price()));
            course.setObjectives(request.objectives());
            course.setRequirements(request.requirements());
            course.setTags(request.tags());
            course.showWith(request.thumbnailUrl(), request.introVideoUrl());
            courses.insert(course);
            return CourseView.of(course, category, List.of(), List.of());
        });
    }

    /** Anonymous callers are served from the browsing cache (published courses only ever get there). */
    @Transactional(readOnly = true)
    public CourseView get(UUID id, Optional<CurrentUser> caller) {
        if (caller.isEmpty()) {
            return cache.get("course:" + id, COURSE_VIEW, () -> view(access.visible(id, caller)));
        }
        return view(access.visible(id, caller));
    }

    @Transactional
    public CourseView update(UUID id, UpdateCourseRequest request, CurrentUser caller) {
        return Rules.enforce(() -> {
            Course course = access.editable(id, caller);
            Set<CourseChange> changed = EnumSet.noneOf(CourseChange.class);
            if (request.title() != null && !request.title().strip().equals(course.title())) {
                course.rename(request.title());
                changed.add(CourseChange.DETAILS);
            }
            if (request.subtitle() != null) {
                course.changeSubtitle(request.subtitle());
                changed.add(CourseChange.DETAILS);
            }
            if (request.description() != null) {
                course.describe(request.description());
                changed.add(CourseChange.DETAILS);
            }
            if (request.category() != null) {
                course.fileUnder(category(request.category()).id());
                changed.add(CourseChange.DETAILS);
            }
            if (request.level() != null) {
                course.aimAt(request.level());
                changed.add(CourseChange.DETAILS);
            }
            if (request.language() != null) {
                course.teachIn(request.language());
                changed.add(CourseChange.DETAILS);
            }
            if (request.free() != null || request.price() != null) {
                boolean wasFree = course.free();
                var oldPrice = course.price();
                course.price(request.free(), money(request.price()));
                if (wasFree != course.free() || !Objects.equals(oldPrice, course.price())) {
                    changed.add(CourseChange.PRICE);
                }
            }
            if (request.objectives() != null) {
                course.setObjectives(request.objectives());
                changed.add(CourseChange.DETAILS);
            }
            if (request.requirements() != null) {
                course.setRequirements(request.requirements());
                changed.add(CourseChange.DETAILS);
            }
            if (request.tags() != null) {
                course.setTags(request.tags());
                changed.add(CourseChange.DETAILS);
            }
            if (request.thumbnailUrl() != null || request.introVideoUrl() != null) {
                course.showWith(request.thumbnailUrl(), request.introVideoUrl());
                changed.add(CourseChange.DETAILS);
            }
            if (!changed.isEmpty()) {
                course.touched(clock.instant());
                courses.update(course);
                changes.updated(course, changed, caller);
            }
            return view(course);
        });
    }

    @Transactional
    public void delete(UUID id, CurrentUser caller) {
        Rules.enforce(() -> {
            Course course = access.editable(id, caller);
            course.requireDeletable();
            courses.delete(course.id());
            changes.deleted(course, caller);
        });
    }

    @Transactional
    public CourseView publish(UUID id, CurrentUser caller) {
        return Rules.enforce(() -> {
            Course course = access.editable(id, caller);
            secondFactor.requireForInstructor(caller, "publish a course");
            List<CourseModule> courseModules = modules.findByCourse(id);
            List<Lesson> courseLessons = lessons.findByCourse(id);
            course.publish(summary(courseModules, courseLessons), clock.instant());
            courses.update(course);
            changes.published(course, caller);
            return CourseView.of(course, categories.find(course.categoryId()).orElse(null), courseModules,
                    courseLessons);
        });
    }

    /**
     * Takes the course off the listing. An admin acting on someone else's course gives a reason, which the
     * {@code CourseUnpublished} event carries to the instructor's notification.
     */
    @Transactional
    public CourseView unpublish(UUID id, String reason, CurrentUser caller) {
        return Rules.enforce(() -> {
            Course course = access.editable(id, caller);
            boolean byAdmin = !course.isOwnedBy(caller.id());
            if (byAdmin && (reason == null || reason.isBlank())) {
                throw ApiException.badRequest("An admin unpublishing an instructor's course must give a reason.");
            }
            course.unpublish(clock.instant());
            courses.update(course);
            changes.unpublished(course, byAdmin ? reason.strip() : null, caller);
            return view(course);
        });
    }

    /** Retires a course (the way out for a course with enrollments, which cannot be deleted). */
    @Transactional
    public CourseView archive(UUID id, CurrentUser caller) {
        return Rules.enforce(() -> {
            Course course = access.editable(id, caller);
            course.archive(clock.instant());
            courses.update(course);
            changes.updated(course, EnumSet.of(CourseChange.DETAILS), caller);
            return view(course);
        });
    }

    static CurriculumSummary summary(List<CourseModule> courseModules, List<Lesson> courseLessons) {
        long withLessons = courseModules.stream()
                .filter(m -> courseLessons.stream().anyMatch(l -> l.moduleId().equals(m.id())))
                .count();
        return new CurriculumSummary(courseModules.size(), (int) withLessons, courseLessons.size());
    }

    private CourseView view(Course course) {
        return CourseView.of(course, categories.find(course.categoryId()).orElse(null),
                modules.findByCourse(course.id()), lessons.findByCourse(course.id()));
    }

    private Category category(String key) {
        return categories.find(key).orElseThrow(() -> ApiException.badRequest("Category '" + key + "' does not exist."));
    }

    private static io.skillwise.events.common.Money money(MoneyRequest price) {
        return price == null ? null : price.toMoney();
    }
}
