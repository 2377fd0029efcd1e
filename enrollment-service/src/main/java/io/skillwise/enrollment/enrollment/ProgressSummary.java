package io.skillwise.enrollment.enrollment;

import io.skillwise.enrollment.replica.Course;
import io.skillwise.enrollment.replica.Lesson;

import java.util.Collection;
import java.util.UUID;

/**
 * Progress counted against the course as it is now: lessons added after enrolling count, lessons the instructor
 * removed no longer do (their completion rows stay, so a lesson put back counts as done again).
 */
public record ProgressSummary(int completedLessons, int totalLessons, int percent) {

    public static ProgressSummary of(Course course, Collection<UUID> completed) {
        int total = course.lessons().size();
        int done = (int) course.lessons().stream().map(Lesson::id).filter(completed::contains).count();
        // rounded down, so 100 % means every lesson and never "almost"
        int percent = total == 0 ? 0 : done * 100 / total;
        return new ProgressSummary(done, total, percent);
    }

    public static ProgressSummary none() {
        return new ProgressSummary(0, 0, 0);
    }
}
