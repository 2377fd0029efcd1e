package io.skillwise.enrollment.progress;

import io.skillwise.enrollment.certificate.CertificateService;
import io.skillwise.enrollment.replica.Course;
import io.skillwise.enrollment.replica.CurriculumChanged;
import io.skillwise.enrollment.replica.CurriculumService;
import io.skillwise.enrollment.replica.Lesson;
import io.skillwise.enrollment.enrollment.Enrollment;
import io.skillwise.enrollment.enrollment.EnrollmentService;
import io.skillwise.enrollment.enrollment.ProgressSummaries;
import io.skillwise.enrollment.enrollment.ProgressSummary;
import io.skillwise.events.catalog.LessonType;
import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.enrollment.LessonCompleted;
import io.skillwise.kit.messaging.EventPublisher;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Completing lessons, completing courses (with their certificate) and reading progress. */
@Service
public class ProgressService implements ProgressSummaries {

    private final ProgressRepository progress;
    private final EnrollmentService enrollments;
    private final CurriculumService curriculum;
    private final CertificateService certificates;
    private final EventPublisher events;
    private final Clock clock;

    public ProgressService(ProgressRepository progress, EnrollmentService enrollments, CurriculumService curriculum,
                           CertificateService certificates, EventPublisher events, Clock clock) {
        this.progress = progress;
        this.enrollments = enrollments;
        this.curriculum = curriculum;
        this.certificates = certificates;
        this.events = events;
        this.clock = clock;
    }

    /** {@code PATCH /enrollments/{id}/progress}: marks a lesson complete; doing it again changes nothing. */
    @Transactional
    public ProgressView markComplete(UUID enrollmentId, UUID lessonId, CurrentUser user) {
        Enrollment enrollment = enrollments.lockOwn(enrollmentId, user);
        Course course = courseOf(enrollment);
        Lesson lesson = course.lesson(lessonId).orElseThrow(() -> ApiException.badRequest(
                "lesson " + lessonId + " is not part of course " + course.id()));
        if (lesson.type() == LessonType.QUIZ) {
            // a quiz lesson is done when its quiz is passed, not when the learner says so
            throw ApiException.badRequest("lesson " + lessonId + " is a quiz: it is completed by passing the quiz");
        }
        Enrollment after = completeLesson(enrollment, course, lesson, user);
        return view(after, course);
    }

    /**
     * Completes the lesson in an enrollment the caller has locked; emits {@code LessonCompleted} the first time and,
     * when it was the last open lesson, completes the course with its certificate and {@code CourseCompleted}.
     *
     * @return the enrollment after the change
     */
    @Transactional
    public Enrollment completeLesson(Enrollment enrollment, Course course, Lesson lesson, CurrentUser user) {
        requireAccess(enrollment);
        Instant now = clock.instant();
        requireOpen(lesson, enrollment, now);
        if (!progress.insertIfAbsent(enrollment.id(), lesson.id(), now)) {
            return enrollment;
        }
        Map<UUID, Instant> done = progress.completed(enrollment.id());
        ProgressSummary summary = ProgressSummary.of(course, done.keySet());
        events.publish(new LessonCompleted(enrollment.id(), enrollment.courseId(), enrollment.studentId(), lesson.id(),
                summary.completedLessons(), summary.totalLessons(), summary.percent(), now));
        if (!course.completedBy(done.keySet())) {
            return enrollment;
        }
        return completeCourse(enrollment, course, learnerName(user), now);
    }

    /** @param learnerName the name in the learner's token; null when the learner is not the one acting */
    private Enrollment completeCourse(Enrollment enrollment, Course course, String learnerName, Instant now) {
        Optional<Enrollment> completed = enrollments.complete(enrollment, now);
        if (completed.isEmpty()) {
            return enrollment;
        }
        String code = certificates.issue(completed.get(), course, learnerName, now);
        events.publish(new CourseCompleted(enrollment.id(), enrollment.courseId(), enrollment.studentId(),
                enrollment.instructorId(), code, now, now));
        return completed.get();
    }

    /**
     * A new curriculum can finish a course without the learner doing anything: when the lessons they had left were
     * removed. Runs in the transaction that stored the curriculum.
     */
    @EventListener
    @Transactional
    public void on(CurriculumChanged changed) {
        Optional<Course> course = curriculum.find(changed.courseId());
        if (course.isEmpty()) {
            return;
        }
        for (Enrollment enrollment : enrollments.lockActiveInCourse(changed.courseId())) {
            if (course.get().completedBy(progress.completed(enrollment.id()).keySet())) {
                completeCourse(enrollment, course.get(), null, clock.instant());
            }
        }
    }

    /** Suspended (disputed) and revoked enrollments do not learn. */
    public static void requireAccess(Enrollment enrollment) {
        if (!enrollment.grantsAccess()) {
            throw ApiException.forbidden("enrollment " + enrollment.id() + " is " + enrollment.status()
                    + ": lessons cannot be completed");
        }
    }

    /** Drip: a scheduled lesson cannot be completed (or its quiz taken) before it opens. */
    public static void requireOpen(Lesson lesson, Enrollment enrollment, Instant now) {
        if (!lesson.openAt(now, enrollment.startedAt())) {
            throw new ApiException(HttpStatus.CONFLICT, "lesson-not-yet-available", "Lesson " + lesson.id()
                    + " opens at " + lesson.opensAt(enrollment.startedAt()).orElseThrow()
                    + " and cannot be completed before then.");
        }
    }

    /** {@code GET /progress/{courseId}}: the caller's progress in a course they are enrolled in. */
    @Transactional(readOnly = true)
    public ProgressView ofCourse(UUID courseId, CurrentUser user) {
        Enrollment enrollment = enrollments.ownInCourse(courseId, user)
                .orElseThrow(() -> ApiException.notFound("enrollment in course " + courseId));
        return view(enrollment, courseOf(enrollment));
    }

    /**
     * Progress of each enrollment, for lists: a fixed number of queries whatever the length of the list (the courses,
     * their lessons, the completed lessons).
     */
    @Override
    @Transactional(readOnly = true)
    public Map<UUID, ProgressSummary> summaries(List<Enrollment> list) {
        if (list.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Course> courses = curriculum.findAll(list.stream().map(Enrollment::courseId).distinct().toList());
        Map<UUID, Set<UUID>> completed = progress.completedLessonsOf(list.stream().map(Enrollment::id).toList());
        Map<UUID, ProgressSummary> summaries = new HashMap<>();
        for (Enrollment enrollment : list) {
            Course course = courses.get(enrollment.courseId());
            summaries.put(enrollment.id(), course == null ? ProgressSummary.none()
                    : ProgressSummary.of(course, completed.getOrDefault(enrollment.id(), Set.of())));
        }
        return summaries;
    }

    @Transactional(readOnly = true)
    public Optional<Instant> lastActivity(UUID enrollmentId) {
        return progress.lastActivity(enrollmentId);
    }

    /** Last completed lesson or quiz attempt of several enrollments in one query; none is left out of the map. */
    @Transactional(readOnly = true)
    public Map<UUID, Instant> lastActivityOf(Collection<UUID> enrollmentIds) {
        return progress.lastActivityOf(enrollmentIds);
    }

    private ProgressView view(Enrollment enrollment, Course course) {
        Map<UUID, Instant> done = progress.completed(enrollment.id());
        ProgressSummary summary = ProgressSummary.of(course, done.keySet());
        List<ProgressView.LessonView> lessons = course.lessons().stream()
                .map(lesson -> new ProgressView.LessonView(lesson.id(), lesson.title(), lesson.type().name(),
                        done.containsKey(lesson.id()), done.get(lesson.id()),
                        lesson.opensAt(enrollment.startedAt()).orElse(null)))
                .toList();
        return new ProgressView(course.id(), enrollment.id(), enrollment.status().name(), summary.completedLessons(),
                summary.totalLessons(), summary.percent(), lessons);
    }

    private Course courseOf(Enrollment enrollment) {
        // a purchase can reach us before the course's curriculum does; progress waits for it
        return curriculum.find(enrollment.courseId()).orElseThrow(() -> new ApiException(HttpStatus.CONFLICT,
                "curriculum-not-available", "The curriculum of course " + enrollment.courseId()
                + " is not available yet; try again in a moment."));
    }

    private static String learnerName(CurrentUser user) {
        if (user.displayName() != null && !user.displayName().isBlank()) {
            return user.displayName();
        }
        return user.email() == null ? user.id().toString() : user.email();
    }
}
