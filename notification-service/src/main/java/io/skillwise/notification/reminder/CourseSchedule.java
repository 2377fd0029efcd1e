package io.skillwise.notification.reminder;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

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
    }

    boolean hasLesson(String lessonId) {
        return lessons != null && lessons.stream().anyMatch(lesson -> lesson.lessonId().equals(lessonId));
    }
}
