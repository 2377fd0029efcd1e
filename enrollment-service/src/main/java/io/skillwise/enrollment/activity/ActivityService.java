package io.skillwise.enrollment.activity;

import io.skillwise.enrollment.replica.Course;
import io.skillwise.enrollment.replica.CurriculumService;
import io.skillwise.enrollment.replica.Lesson;
import io.skillwise.enrollment.enrollment.Enrollment;
import io.skillwise.enrollment.enrollment.EnrollmentService;
import io.skillwise.enrollment.progress.ProgressService;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Lesson heartbeats: time spent, views, last activity, attendance of live lessons. */
@Service
public class ActivityService {

    public record ActivityView(UUID lessonId, long secondsSpent, int views, Instant lastActivityAt,
                               boolean attendedLive) {
    }

    private final LessonActivityRepository activities;
    private final CurriculumService curriculum;
    private final EnrollmentService enrollments;
    private final ActivityProperties properties;
    private final Clock clock;

    public ActivityService(LessonActivityRepository activities, CurriculumService curriculum,
                           EnrollmentService enrollments, ActivityProperties properties, Clock clock) {
        this.activities = activities;
        this.curriculum = curriculum;
        this.enrollments = enrollments;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public ActivityView heartbeat(UUID lessonId, long reportedSeconds, CurrentUser user) {
        Course course = curriculum.courseOfLesson(lessonId)
                .orElseThrow(() -> ApiException.notFound("lesson " + lessonId));
        // the enrollment lock serialises a learner's heartbeats, so two tabs cannot both credit the same seconds
        Enrollment enrollment = enrollments.lockOwnInCourse(course.id(), user)
                .orElseThrow(() -> ApiException.forbidden("enrol in course " + course.id() + " to follow its lessons"));
        ProgressService.requireAccess(enrollment);
        Lesson lesson = course.lesson(lessonId).orElseThrow();
        Instant now = clock.instant();
        ProgressService.requireOpen(lesson, enrollment, now);
        boolean live = runningLive(lesson, now);
        LessonActivity activity = activities.find(enrollment.id(), lessonId)
                .map(previous -> previous.heartbeat(now, reportedSeconds, properties.maxHeartbeat(),
                        properties.sessionGap(), live))
                .orElseGet(() -> LessonActivity.first(enrollment.id(), lessonId, now, reportedSeconds,
                        properties.maxHeartbeat(), live));
        activities.save(activity);
        return new ActivityView(lessonId, activity.secondsSpent(), activity.views(), activity.lastActivityAt(),
                activity.attendedLive());
    }

    @Transactional(readOnly = true)
    public LessonActivityRepository.Totals totals(UUID enrollmentId) {
        return activities.totals(enrollmentId);
    }

    /** Engagement of several enrollments in one query; an enrollment without heartbeats has {@link LessonActivityRepository.Totals#NONE}. */
    @Transactional(readOnly = true)
    public Map<UUID, LessonActivityRepository.Totals> totalsOf(Collection<UUID> enrollmentIds) {
        return activities.totalsOf(enrollmentIds);
    }

    /** A scheduled lesson is live from its start until its length (plus grace) has passed. */
    private boolean runningLive(Lesson lesson, Instant now) {
        if (lesson.availableAt() == null) {
            return false;
        }
        Duration length = lesson.durationSeconds() == null
                ? properties.liveLength() : Duration.ofSeconds(lesson.durationSeconds());
        return !now.isBefore(lesson.availableAt())
                && !now.isAfter(lesson.availableAt().plus(length).plus(properties.liveGrace()));
    }
}
