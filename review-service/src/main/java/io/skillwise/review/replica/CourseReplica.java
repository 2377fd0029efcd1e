package io.skillwise.review.replica;

import io.skillwise.events.catalog.CourseEvent;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Course ownership and titles from {@code catalog.course.v1}. The snapshot events carry a revision, so applying one
 * twice or late is harmless without an inbox; a deletion is the course's last event. A course the replica does not
 * hold (deleted, or not seen yet) takes its instructor from the enrollment's event.
 */
@Service
public class CourseReplica {

    private final CourseRepository courses;
    private final Clock clock;

    CourseReplica(CourseRepository courses, Clock clock) {
        this.courses = courses;
        this.clock = clock;
    }

    public void apply(CourseEvent event) {
        courses.apply(event, clock.instant());
    }

    public Optional<Course> find(UUID courseId) {
        return courses.find(courseId);
    }

    /** Titles of the courses the catalog told us about. */
    public Map<UUID, String> titles(Collection<UUID> courseIds) {
        return courses.findAll(courseIds).stream().filter(course -> course.title() != null)
                .collect(Collectors.toMap(Course::id, Course::title));
    }

    /** The instructor who owns the course, when the catalog told us. */
    public Optional<UUID> instructorOf(UUID courseId) {
        return courses.find(courseId).map(Course::instructorId);
    }
}
