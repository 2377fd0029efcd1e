package io.skillwise.promotion.replica;

import io.skillwise.events.catalog.CourseEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Keeps the course replica in step with the catalog and answers the other features' questions about courses. */
@Service
public class CourseReplica {

    private final CourseRepository courses;
    private final Clock clock;

    CourseReplica(CourseRepository courses, Clock clock) {
        this.courses = courses;
        this.clock = clock;
    }

    /** Applies one catalog event, inside the inbox's transaction; stale revisions change nothing. */
    @Transactional
    public void apply(CourseEvent event) {
        courses.apply(event, clock.instant());
    }

    @Transactional(readOnly = true)
    public Optional<Course> find(UUID courseId) {
        return courses.find(courseId);
    }

    /** The known courses among the ids, in the order given. */
    @Transactional(readOnly = true)
    public Map<UUID, Course> findAll(Collection<UUID> courseIds) {
        return courses.findAll(courseIds);
    }

    @Transactional(readOnly = true)
    public List<UUID> courseIdsOf(UUID instructorId) {
        return courses.idsOfInstructor(instructorId);
    }
}
