package io.skillwise.enrollment.replica;

import io.skillwise.events.catalog.CourseEvent;
import io.skillwise.events.catalog.CourseState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Keeps the curriculum replica in step with the catalog, and answers what the other features ask about courses. */
@Service
public class CurriculumService {

    private final CurriculumRepository courses;
    private final ApplicationEventPublisher changes;
    private final Clock clock;

    public CurriculumService(CurriculumRepository courses, ApplicationEventPublisher changes, Clock clock) {
        this.courses = courses;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Applies one catalog event; runs inside the inbox's transaction. Stale revisions change nothing; a new
     * curriculum tells progress to count again ({@link CurriculumChanged}).
     */
    @Transactional
    public void apply(CourseEvent event) {
        if (courses.apply(event, clock.instant()) && event instanceof CourseState snapshot) {
            changes.publishEvent(new CurriculumChanged(snapshot.courseId()));
        }
    }

    @Transactional(readOnly = true)
    public Optional<Course> find(UUID courseId) {
        return courses.find(courseId);
    }

    /** Several courses at once, for lists; courses not (yet) replicated are left out. */
    @Transactional(readOnly = true)
    public Map<UUID, Course> findAll(Collection<UUID> courseIds) {
        return courses.findAll(courseIds);
    }

    /** The course holding the lesson, as currently replicated. */
    @Transactional(readOnly = true)
    public Optional<Course> courseOfLesson(UUID lessonId) {
        return courses.courseOfLesson(lessonId).flatMap(courses::find);
    }
}
