package io.skillwise.notification.trigger;

import io.skillwise.notification.replica.Course;
import io.skillwise.notification.replica.CourseReplica;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Course titles for notices, from the courses replica; a course it does not know yet reads "a course". */
@Component
class CourseTitles {

    static final String UNKNOWN = "a course";

    private final CourseReplica courses;

    CourseTitles(CourseReplica courses) {
        this.courses = courses;
    }

    String of(UUID courseId) {
        return courses.find(courseId).map(Course::title).orElse(UNKNOWN);
    }

    List<String> of(Collection<UUID> courseIds) {
        Map<UUID, Course> known = courses.findAll(courseIds);
        return courseIds.stream().map(id -> known.containsKey(id) ? known.get(id).title() : UNKNOWN).toList();
    }

    /** The instructors of the courses that the replica knows, each once. */
    List<UUID> instructorsOf(Collection<UUID> courseIds) {
        return courses.findAll(courseIds).values().stream().map(Course::instructorId).distinct().toList();
    }
}
