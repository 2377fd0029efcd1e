package io.skillwise.notification.reminder;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What reminders need of a course, as of catalog's {@code revision}: whether it is published, its title, and the
 * lessons that have a schedule (the others never get a reminder).
 */
@Document(CourseSchedule.COLLECTION)
record CourseSchedule(@Id String id, String title, boolean published, List<ScheduledLesson> lessons, long revision) {

    static final String COLLECTION = "reminder_courses";

    /** A lesson's schedule: absolute ({@code ...At}) or counted in days from each learner's enrollment. */
    record ScheduledLesson(String lessonId, String title, Instant availableAt, Integer availableAfterDays,
                           Instant dueAt, Integer dueAfterDays) {

        /** When the lesson opens or is due, for everyone; null when it has no such absolute time. */
        Instant absolute(Reminder.Type type) {
            return type == Reminder.Type.LESSON_OPENS ? availableAt : dueAt;
        }

        /** When the lesson opens or is due for a learner who enrolled then; null when not counted from enrollment. */
        Instant relativeTo(Reminder.Type type, Instant enrolledAt) {
            Integer days = type == Reminder.Type.LESSON_OPENS ? availableAfterDays : dueAfterDays;
            return days == null || enrolledAt == null ? null : enrolledAt.plus(Duration.ofDays(days));
        }
    }

    Optional<ScheduledLesson> lesson(String lessonId) {
        return lessons == null ? Optional.empty()
                : lessons.stream().filter(lesson -> lesson.lessonId().equals(lessonId)).findFirst();
    }
}
