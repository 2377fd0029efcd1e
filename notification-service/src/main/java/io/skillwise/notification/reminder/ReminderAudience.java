package io.skillwise.notification.reminder;

import io.skillwise.notification.reminder.CourseSchedule.ScheduledLesson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who a reminder still applies to when it fires, from what is known then: a lesson reminder goes to the course's
 * learners still taking it who have not completed the lesson (none once the course is unpublished, or the lesson is
 * gone or no longer at the reminder's moment), an inactivity nudge only if the learner has still done nothing since, a checkout reminder only if the buyer
 * does not own the courses by now, an instructor's reminder to the learners with access.
 */
@Component
class ReminderAudience {

    private static final List<String> TAKING = List.of(Learner.ACTIVE);
    private static final List<String> WITH_ACCESS = List.of(Learner.ACTIVE, Learner.COMPLETED);

    private final Learners learners;
    private final CourseSchedules schedules;

    ReminderAudience(Learners learners, CourseSchedules schedules) {
        this.learners = learners;
        this.schedules = schedules;
    }

    List<UUID> of(Reminder reminder) {
        return switch (reminder.type()) {
            case LESSON_OPENS, LESSON_DUE -> stillAsPlanned(reminder)
                    ? learners.studentsOf(reminder.courseId(), TAKING, reminder.lessonId(), reminder.userId())
                    : List.of();
            case INACTIVITY -> learners.find(reminder.enrollmentId())
                    .filter(learner -> learner.active() && Learners.lastActivity(learner).equals(reminder.anchor())
                            && stillPublished(reminder))
                    .map(learner -> List.of(UUID.fromString(learner.studentId()))).orElse(List.of());
            case CHECKOUT -> learners.takesAll(reminder.userId(), reminder.courseIds()) ? List.of()
                    : List.of(UUID.fromString(reminder.userId()));
            case CUSTOM -> learners.studentsOf(reminder.courseId(), WITH_ACCESS, null, reminder.userId());
        };
    }

    /**
     * Whether the course is published and its lesson still opens (or is due) at the moment the reminder names: a
     * reminder planned from a schedule that changed meanwhile (a planning that raced a course change) is not sent.
     */
    private boolean stillAsPlanned(Reminder reminder) {
        Optional<ScheduledLesson> lesson = schedules.find(UUID.fromString(reminder.courseId()))
                .filter(CourseSchedule::published).flatMap(course -> course.lesson(reminder.lessonId()));
        if (lesson.isEmpty()) {
            return false;
        }
        Instant moment = reminder.enrollmentId() == null ? lesson.get().absolute(reminder.type())
                : learners.find(reminder.enrollmentId())
                        .map(learner -> lesson.get().relativeTo(reminder.type(), learner.enrolledAt())).orElse(null);
        return reminder.anchor().equals(moment);
    }

    /** A course reminders have not heard of yet counts as published (its events may still be on their way). */
    private boolean stillPublished(Reminder reminder) {
        return schedules.find(UUID.fromString(reminder.courseId())).map(CourseSchedule::published).orElse(true);
    }
}
