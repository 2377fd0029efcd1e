package io.skillwise.catalog.course;

import io.skillwise.catalog.course.CourseRequests.CreateLessonRequest;
import io.skillwise.catalog.course.CourseRequests.CreateModuleRequest;
import io.skillwise.catalog.course.CourseRequests.QuizRequest;
import io.skillwise.catalog.course.CourseRequests.UpdateLessonRequest;
import io.skillwise.catalog.course.CourseRequests.UpdateModuleRequest;
import io.skillwise.catalog.course.CourseViews.LessonView;
import io.skillwise.catalog.course.CourseViews.ModuleView;
import io.skillwise.catalog.course.CourseViews.SyllabusLesson;
import io.skillwise.events.catalog.CourseChange;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.Ownership;
import io.skillwise.kit.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Modules and lessons of a course. Every change locks the course row, keeps positions {@code 0..n-1} without gaps,
 * moves the course revision on and, once the course has been published, emits a {@code CourseUpdated}.
 */
@Service
public class CurriculumService {

    private final CourseRepository courses;
    private final ModuleRepository modules;
    private final LessonRepository lessons;
    private final CourseAccess access;
    private final EnrolledLearners enrolled;
    private final CourseChanges changes;
    private final Clock clock;

    public CurriculumService(CourseRepository courses, ModuleRepository modules, LessonRepository lessons,
                             CourseAccess access, EnrolledLearners enrolled, CourseChanges changes, Clock clock) {
        this.courses = courses;
        this.modules = modules;
        this.lessons = lessons;
        this.access = access;
        this.enrolled = enrolled;
        this.changes = changes;
        this.clock = clock;
    }

    // --- modules ------------------------------------------------------------------------------------------------

    @Transactional
    public ModuleView addModule(UUID courseId, CreateModuleRequest request, CurrentUser caller) {
        return Rules.enforce(() -> {
            Course course = access.editable(courseId, caller);
            int position = Positions.forInsert(request.position(), modules.countByCourse(courseId));
            CourseModule module = new CourseModule(UUID.randomUUID(), courseId, request.title(), position);
            modules.insertAt(module);
            changed(course, caller, CourseChange.CURRICULUM);
            return ModuleView.of(module);
        });
    }

    @Transactional(readOnly = true)
    public List<ModuleView> modules(UUID courseId, Optional<CurrentUser> caller) {
        access.visible(courseId, caller);
        return modules.findByCourse(courseId).stream().map(ModuleView::of).toList();
    }

    @Transactional
    public ModuleView updateModule(UUID moduleId, UpdateModuleRequest request, CurrentUser caller) {
        return Rules.enforce(() -> {
            CourseModule module = module(moduleId);
            Course course = access.editable(module.courseId(), caller);
            module = module(moduleId); // re-read under the course lock
            if (request.title() == null && request.position() == null) {
                return ModuleView.of(module);
            }
            if (request.title() != null) {
                module = module.renamed(request.title());
                modules.rename(moduleId, module.title());
            }
            if (request.position() != null) {
                int to = Positions.forMove(request.position(), modules.countByCourse(course.id()));
                modules.move(course.id(), moduleId, module.position(), to);
                module = new CourseModule(module.id(), module.courseId(), module.title(), to);
            }
            changed(course, caller, CourseChange.CURRICULUM);
            return ModuleView.of(module);
        });
    }

    @Transactional
    public void deleteModule(UUID moduleId, CurrentUser caller) {
        Rules.enforce(() -> {
            CourseModule module = module(moduleId);
            Course course = access.editable(module.courseId(), caller);
            List<UUID> removedLessons = lessons.findByModule(moduleId).stream().map(Lesson::id).toList();
            modules.delete(module(moduleId));
            course.requireCurriculumKept(curriculumOf(course.id()));
            changed(course, caller, CourseChange.CURRICULUM);
            changes.lessonsRemoved(course, removedLessons);
        });
    }

    // --- lessons ------------------------------------------------------------------------------------------------

    @Transactional
    public LessonView addLesson(UUID moduleId, CreateLessonRequest request, CurrentUser caller) {
        return Rules.enforce(() -> {
            CourseModule module = module(moduleId);
            Course course = access.editable(module.courseId(), caller);
            int position = Positions.forInsert(request.position(), lessons.countByModule(moduleId));
            Lesson lesson = new Lesson(UUID.randomUUID(), moduleId, course.id(), request.title(), request.type(),
                    request.body(), request.durationSeconds(), Boolean.TRUE.equals(request.preview()),
                    request.availableAt(), request.dueAt(), quiz(request.quiz()), position,
                    request.availableAfterDays(), request.dueAfterDays());
            lessons.insertAt(lesson);
            Set<CourseChange> what = EnumSet.of(CourseChange.CURRICULUM);
            if (lesson.availableAt() != null || lesson.dueAt() != null || lesson.availableAfterDays() != null
                    || lesson.dueAfterDays() != null) {
                what.add(CourseChange.SCHEDULE);
            }
            changed(course, caller, what);
            return LessonView.of(lesson, true);
        });
    }

    /**
     * The lessons of a module: whole lessons (answer keys included) for the owner and admins, the syllabus entries
     * (no content) for everyone else who may see the course.
     */
    @Transactional(readOnly = true)
    public List<?> lessons(UUID moduleId, Optional<CurrentUser> caller) {
        CourseModule module = module(moduleId);
        Course course = access.visible(module.courseId(), caller);
        List<Lesson> found = lessons.findByModule(moduleId);
        if (caller.map(user -> CourseAccess.isOwnerOrAdmin(course, user)).orElse(false)) {
            return found.stream().map(l -> LessonView.of(l, true)).toList();
        }
        return found.stream().map(SyllabusLesson::of).toList();
    }

    /**
     * A lesson's content: for the owner and admins with the quiz answer key; for enrolled learners
     * ({@link EnrolledLearners}, who keep access after an unpublish or archive) and, on preview lessons of a published
     * course, for everyone, without it. Lessons of a course the caller cannot see at all answer 404, others 403.
     */
    @Transactional(readOnly = true)
    public LessonView lesson(UUID lessonId, Optional<CurrentUser> caller) {
        Lesson lesson = lesson(lessonId);
        Reader reader = reader(lesson, caller);
        return LessonView.of(lesson, reader == Reader.OWNER);
    }

    /** Who may read a lesson and its assets; see {@link #lesson(UUID, Optional)}. */
    public enum Reader { OWNER, LEARNER, PREVIEW }

    /**
     * Checks that the caller may read the lesson (and so its content assets).
     *
     * @return the course id of the lesson, in which capacity the caller reads it
     * @throws ApiException 404 when the caller cannot see the course, 403 when the lesson is not open to them
     */
    @Transactional(readOnly = true)
    public LessonRef requireReadable(UUID lessonId, Optional<CurrentUser> caller) {
        Lesson lesson = lesson(lessonId);
        return new LessonRef(lesson.id(), lesson.courseId(), reader(lesson, caller));
    }

    /** Checks that the caller may change the lesson (owner or admin) and answers where it belongs. */
    @Transactional(readOnly = true)
    public LessonRef requireEditable(UUID lessonId, CurrentUser caller) {
        Lesson lesson = lesson(lessonId);
        Course course = access.existing(lesson.courseId());
        Ownership.requireOwnerOrAdmin(caller, course.instructorId());
        return new LessonRef(lesson.id(), lesson.courseId(), Reader.OWNER);
    }

    public record LessonRef(UUID lessonId, UUID courseId, Reader reader) {
    }

    private Reader reader(Lesson lesson, Optional<CurrentUser> caller) {
        Course course = access.existing(lesson.courseId());
        if (caller.map(user -> CourseAccess.isOwnerOrAdmin(course, user)).orElse(false)) {
            return Reader.OWNER;
        }
        if (caller.map(user -> enrolled.isEnrolled(course.id(), user.id())).orElse(false)) {
            return Reader.LEARNER;
        }
        if (!course.isPublished()) {
            throw ApiException.notFound("Lesson " + lesson.id());
        }
        if (lesson.preview()) {
            return Reader.PREVIEW;
        }
        throw ApiException.forbidden("This lesson is open to enrolled learners only.");
    }

    @Transactional
    public LessonView updateLesson(UUID lessonId, UpdateLessonRequest request, CurrentUser caller) {
        return Rules.enforce(() -> {
            Lesson lesson = lesson(lessonId);
            Course course = access.editable(lesson.courseId(), caller);
            Lesson current = lesson(lessonId);
            Lesson updated = current.with(new Lesson.Changes(request.title(), request.type(), request.body(),
                    request.durationSeconds(), request.preview(), request.availableAt(), request.dueAt(),
                    quiz(request.quiz()), request.availableAfterDays(), request.dueAfterDays()));
            lessons.update(updated);
            if (request.position() != null) {
                int to = Positions.forMove(request.position(), lessons.countByModule(current.moduleId()));
                lessons.move(current.moduleId(), lessonId, current.position(), to);
                updated = updated.at(to);
            }
            Set<CourseChange> what = EnumSet.of(CourseChange.CURRICULUM);
            if (updated.scheduleDiffers(current)) {
                what.add(CourseChange.SCHEDULE);
            }
            changed(course, caller, what);
            return LessonView.of(updated, true);
        });
    }

    @Transactional
    public void deleteLesson(UUID lessonId, CurrentUser caller) {
        Rules.enforce(() -> {
            Lesson lesson = lesson(lessonId);
            Course course = access.editable(lesson.courseId(), caller);
            lessons.delete(lesson(lessonId));
            course.requireCurriculumKept(curriculumOf(course.id()));
            changed(course, caller, CourseChange.CURRICULUM);
            changes.lessonsRemoved(course, List.of(lessonId));
        });
    }

    // ------------------------------------------------------------------------------------------------------------

    private void changed(Course course, CurrentUser caller, CourseChange change) {
        changed(course, caller, EnumSet.of(change));
    }

    private void changed(Course course, CurrentUser caller, Set<CourseChange> what) {
        course.touched(clock.instant());
        courses.update(course);
        changes.updated(course, what, caller);
    }

    private CurriculumSummary curriculumOf(UUID courseId) {
        return CourseService.summary(modules.findByCourse(courseId), lessons.findByCourse(courseId));
    }

    private CourseModule module(UUID moduleId) {
        return modules.findById(moduleId).orElseThrow(() -> ApiException.notFound("Module " + moduleId));
    }

    private Lesson lesson(UUID lessonId) {
        return lessons.findById(lessonId).orElseThrow(() -> ApiException.notFound("Lesson " + lessonId));
    }

    private static Quiz quiz(QuizRequest request) {
        return request == null ? null : request.toQuiz();
    }
}
