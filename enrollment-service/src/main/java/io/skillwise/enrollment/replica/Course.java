package io.skillwise.enrollment.replica;

import io.skillwise.events.catalog.CourseStatus;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What enrollment keeps of a catalog course: enough to enrol (status, free or paid), to check ownership (instructor)
 * and to count progress (the current lessons, in curriculum order).
 */
public record Course(UUID id, UUID instructorId, String title, CourseStatus status, boolean free, long revision,
                     List<Lesson> lessons) {

    public Course {
        lessons = List.copyOf(lessons);
    }

    /** New enrollments are only taken while the course is on the catalog; existing learners keep access anyway. */
    public boolean openForEnrollment() {
        return status == CourseStatus.PUBLISHED;
    }

    public Optional<Lesson> lesson(UUID lessonId) {
        return lessons.stream().filter(lesson -> lesson.id().equals(lessonId)).findFirst();
    }

    public boolean owns(UUID lessonId) {
        return lesson(lessonId).isPresent();
    }

    /** A course with no lessons can never be completed (it would be "complete" the moment one enrols). */
    public boolean completedBy(Collection<UUID> completedLessons) {
        return !lessons.isEmpty() && lessons.stream().allMatch(lesson -> completedLessons.contains(lesson.id()));
    }
}
