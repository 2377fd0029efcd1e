package io.skillwise.notification.reminder;

import io.skillwise.events.catalog.CourseDeleted;
import io.skillwise.events.catalog.CourseEvent;
import io.skillwise.events.enrollment.EnrollmentEvent;
import io.skillwise.events.payment.CheckoutStarted;
import io.skillwise.events.payment.OrderLine;
import io.skillwise.notification.Notice;
import io.skillwise.notification.reminder.CourseSchedule.ScheduledLesson;
import io.skillwise.notification.reminder.Reminder.Type;
import io.skillwise.notification.replica.Course;
import io.skillwise.notification.replica.CourseReplica;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Decides which automated reminders should be waiting, and makes the stored ones match: after a course changed (its
 * lessons' schedules, or it was unpublished), after a learner enrolled or completed a lesson, after a checkout began.
 * A lesson with an absolute time gets one reminder for the whole course; one counted from enrollment gets one per
 * learner. A moment already past is not reminded of; a reminder whose lead time has passed but whose moment has not
 * goes out at once.
 */
@Service
class ReminderPlanner {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final List<Type> LESSON_TYPES = List.of(Type.LESSON_OPENS, Type.LESSON_DUE);

    private final ReminderRepository reminders;
    private final CourseSchedules schedules;
    private final Learners learners;
    private final CourseReplica courses;
    private final ReminderProperties properties;
    private final Clock clock;

    ReminderPlanner(ReminderRepository reminders, CourseSchedules schedules, Learners learners, CourseReplica courses,
                    ReminderProperties properties, Clock clock) {
        this.reminders = reminders;
        this.schedules = schedules;
        this.learners = learners;
        this.courses = courses;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Follows a change of the course: its lesson reminders are planned again (none while it is unpublished); a
     * deleted course takes its instructor's reminders with it.
     */
    void courseChanged(CourseEvent event) {
        if (!schedules.apply(event)) {
            return;
        }
        UUID courseId = event.courseId();
        planCourse(courseId);
        if (event instanceof CourseDeleted) {
            reminders.cancel(where("courseId").is(courseId.toString()));
        } else if (schedules.find(courseId).filter(CourseSchedule::published).isEmpty()) {
            // nobody is nudged to continue a course that was withdrawn
            reminders.cancel(where("courseId").is(courseId.toString()).and("type").is(Type.INACTIVITY));
        }
    }

    /**
     * Follows the learner's enrollment: while they take the course their own lesson reminders and inactivity nudge
     * are planned (again after each completed lesson); once they were suspended or lost it, every reminder still
     * waiting for them about this course is cancelled; once they completed it, all but the instructor's.
     */
    void enrollmentChanged(EnrollmentEvent event) {
        learners.apply(event).ifPresent(learner -> {
            planLearner(learner);
            if (!learner.active()) {
                Criteria theirs = where("courseId").is(learner.courseId()).and("userId").is(learner.studentId());
                if (Learner.COMPLETED.equals(learner.status())) {
                    // a graduate still has access: the instructor's reminders held for their quiet hours stay
                    theirs.and("type").ne(Type.CUSTOM);
                }
                reminders.cancel(theirs);
            }
        });
    }

    /** A deleted account: what reminders held about it goes. */
    void forget(UUID userId) {
        learners.erase(userId);
        reminders.eraseFor(userId);
    }

    /** Every lesson reminder of the course, for every learner taking it, as the course is now. */
    private void planCourse(UUID courseId) {
        List<Reminder> wanted = new ArrayList<>();
        schedules.find(courseId).filter(CourseSchedule::published).ifPresent(course -> {
            wanted.addAll(courseWide(course));
            learners.activeIn(courseId).forEach(learner -> wanted.addAll(perLearner(course, learner)));
        });
        reminders.reconcile(lessonReminders(courseId.toString()), wanted);
    }

    /** The learner's own lesson reminders (those counted from their enrollment) and their inactivity nudge. */
    private void planLearner(Learner learner) {
        UUID courseId = UUID.fromString(learner.courseId());
        List<Reminder> lessons = !learner.active() ? List.of() : schedules.find(courseId)
                .filter(CourseSchedule::published).map(course -> perLearner(course, learner)).orElse(List.of());
        reminders.reconcile(lessonReminders(learner.courseId()).and("userId").is(learner.studentId()), lessons);
        reminders.reconcile(where("type").is(Type.INACTIVITY).and("enrollmentId").is(learner.id())
                .and("parentId").exists(false), learner.active() ? List.of(nudge(learner)) : List.of());
    }

    void checkoutStarted(CheckoutStarted checkout) {
        List<UUID> courseIds = checkout.lines().stream().map(OrderLine::courseId).toList();
        String what = courseIds.size() == 1 ? titleOf(courseIds.getFirst()) : courseIds.size() + " courses";
        Notice notice = new Notice(Type.CHECKOUT.kind, "Your purchase of " + what + " is waiting",
                "You started buying " + what + " but the payment was not completed. You can finish it any time "
                        + "from the course page.", "/api/v1/courses/" + courseIds.getFirst());
        reminders.insertNew(List.of(Reminder.scheduled(checkoutKey(checkout.orderId()), Type.CHECKOUT, null, null,
                checkout.buyerId().toString(), null, checkout.occurredAt(),
                courseIds.stream().map(UUID::toString).toList(), notice, true,
                checkout.occurredAt().plus(properties.checkoutAfter()), null, clock.instant())));
    }

    /** The order was paid or failed (the buyer heard about it): no reminder about it any more, even one not stored yet. */
    void checkoutEnded(UUID orderId) {
        reminders.cancelAhead(Reminder.idOf(checkoutKey(orderId)), Type.CHECKOUT);
    }

    private List<Reminder> courseWide(CourseSchedule course) {
        List<Reminder> wanted = new ArrayList<>();
        for (ScheduledLesson lesson : course.lessons()) {
            for (Type type : LESSON_TYPES) {
                addLessonReminder(wanted, course, lesson, type, lesson.absolute(type), null);
            }
        }
        return wanted;
    }

    private List<Reminder> perLearner(CourseSchedule course, Learner learner) {
        List<Reminder> wanted = new ArrayList<>();
        if (learner.enrolledAt() == null) {
            return wanted;
        }
        for (ScheduledLesson lesson : course.lessons()) {
            if (learner.completedLessons() != null && learner.completedLessons().contains(lesson.lessonId())) {
                continue;
            }
            for (Type type : LESSON_TYPES) {
                addLessonReminder(wanted, course, lesson, type, lesson.relativeTo(type, learner.enrolledAt()), learner);
            }
        }
        return wanted;
    }

    private void addLessonReminder(List<Reminder> wanted, CourseSchedule course, ScheduledLesson lesson, Type type,
                                   Instant moment, Learner learner) {
        Instant now = clock.instant();
        if (moment == null || !moment.isAfter(now)) {
            return;
        }
        Duration lead = type == Type.LESSON_OPENS ? properties.lessonLead() : properties.deadlineLead();
        String recipient = learner == null ? null : learner.studentId();
        String key = "lesson:" + course.id() + ":" + lesson.lessonId() + ":" + type + ":" + moment
                + (recipient == null ? "" : ":" + recipient);
        Notice notice = type == Type.LESSON_OPENS
                ? new Notice(type.kind, "Coming up in " + course.title() + ": " + lesson.title(),
                        "\u201c" + lesson.title() + "\u201d opens on " + when(moment) + ".",
                        "/api/v1/lessons/" + lesson.lessonId())
                : new Notice(type.kind, "Due soon in " + course.title() + ": " + lesson.title(),
                        "\u201c" + lesson.title() + "\u201d is due on " + when(moment) + ". Finish it before then.",
                        "/api/v1/lessons/" + lesson.lessonId());
        wanted.add(Reminder.scheduled(key, type, course.id(), lesson.lessonId(), recipient,
                learner == null ? null : learner.id(), moment, null, notice, true, moment.minus(lead), null, now));
    }

    /** How reminders name a moment. */
    static String when(Instant moment) {
        return WHEN.format(moment);
    }

    private Reminder nudge(Learner learner) {
        Instant anchor = Learners.lastActivity(learner);
        String title = titleOf(UUID.fromString(learner.courseId()));
        long days = properties.inactivityAfter().toDays();
        String since = days >= 1 ? days + (days == 1 ? " day" : " days") : "a while";
        Notice notice = new Notice(Type.INACTIVITY.kind, "Pick up " + title + " again",
                "You have not completed a lesson of " + title + " for " + since + ". Your progress is waiting.",
                "/api/v1/progress/" + learner.courseId());
        return Reminder.scheduled("inactivity:" + learner.id() + ":" + anchor, Type.INACTIVITY, learner.courseId(),
                null, learner.studentId(), learner.id(), anchor, null, notice, true,
                anchor.plus(properties.inactivityAfter()), null, clock.instant());
    }

    private String titleOf(UUID courseId) {
        return courses.find(courseId).map(Course::title).orElse("your course");
    }

    private static Criteria lessonReminders(String courseId) {
        return where("courseId").is(courseId).and("type").in(LESSON_TYPES).and("parentId").exists(false);
    }

    private static String checkoutKey(UUID orderId) {
        return "checkout:" + orderId;
    }
}
