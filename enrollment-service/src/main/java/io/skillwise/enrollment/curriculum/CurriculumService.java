package io.skillwise.enrollment.curriculum;

import io.skillwise.events.catalog.CourseDeleted;
import io.skillwise.events.catalog.CourseEvent;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.CourseUnpublished;
import io.skillwise.events.catalog.CourseUpdated;
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

    /** Applies one catalog event; runs inside the inbox's transaction. Stale revisions change nothing. */
    @Transactional
    public void apply(CourseEvent event) {
        switch (event) {
            case CoursePublished published -> {
                if (courses.saveIfNewer(published, clock.instant())) {
                    changes.publishEvent(new CurriculumChanged(published.courseId()));
                }
            }
            case CourseUpdated updated -> {
                if (courses.saveIfNewer(updated, clock.instant())) {
                    changes.publishEvent(new CurriculumChanged(updated.courseId()));
                }
            }
            case CourseUnpublished unpublished -> courses.updateStatusIfNewer(unpublished.courseId(),
                    CourseStatus.UNPUBLISHED, unpublished.revision(), clock.instant());
            case CourseDeleted deleted -> courses.delete(deleted.courseId());
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
