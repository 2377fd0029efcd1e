package io.skillwise.promotion.replica;

import io.skillwise.events.catalog.CourseDeleted;
import io.skillwise.events.catalog.CourseEvent;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.catalog.CourseUnpublished;
import io.skillwise.events.catalog.CourseUpdated;
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
        switch (event) {
            case CoursePublished published -> courses.saveIfNewer(published, clock.instant());
            case CourseUpdated updated -> courses.saveIfNewer(updated, clock.instant());
            case CourseUnpublished unpublished -> courses.updateStatusIfNewer(unpublished.courseId(),
                    CourseStatus.UNPUBLISHED, unpublished.revision(), clock.instant());
            case CourseDeleted deleted -> courses.delete(deleted.courseId());
        }
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
