package io.skillwise.notification.reminder;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Who a reminder still applies to when it fires, from what is known then: a lesson reminder goes to the course's
 * learners still taking it who have not completed the lesson (none once the course is unpublished or the lesson is
 * gone), an inactivity nudge only if the learner has still done nothing since, a checkout reminder only if the buyer
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
            case LESSON_OPENS, LESSON_DUE -> lessonStillAhead(reminder)
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

    private boolean lessonStillAhead(Reminder reminder) {
        return schedules.find(UUID.fromString(reminder.courseId()))
                .filter(course -> course.published() && course.hasLesson(reminder.lessonId())).isPresent();
    }

    /** A course reminders have not heard of yet counts as published (its events may still be on their way). */
    private boolean stillPublished(Reminder reminder) {
        return schedules.find(UUID.fromString(reminder.courseId())).map(CourseSchedule::published).orElse(true);
    }
}
