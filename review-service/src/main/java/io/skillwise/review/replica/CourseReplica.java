package io.skillwise.review.replica;

import io.skillwise.events.catalog.CourseDeleted;
import io.skillwise.events.catalog.CourseEvent;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.CourseUnpublished;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.catalog.CourseUpdated;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Course ownership from {@code catalog.course.v1}. The snapshot events carry a revision, so applying one twice or
 * late is harmless without an inbox; a deletion is final.
 */
@Service
public class CourseReplica {

    private final CourseRepository courses;

    CourseReplica(CourseRepository courses) {
        this.courses = courses;
    }

    public void apply(CourseEvent event) {
        switch (event) {
            case CoursePublished c -> courses.saveIfNewer(c.courseId(), c.instructorId(), c.title(), c.status(),
                    c.revision(), false);
            case CourseUpdated c -> courses.saveIfNewer(c.courseId(), c.instructorId(), c.title(), c.status(),
                    c.revision(), false);
            case CourseUnpublished c -> courses.saveIfNewer(c.courseId(), c.instructorId(), c.title(),
                    CourseStatus.UNPUBLISHED, c.revision(), false);
            case CourseDeleted c -> courses.markDeleted(c.courseId(), c.instructorId());
        }
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
