package io.skillwise.notification.reminder;

import io.skillwise.events.catalog.CourseDeleted;
import io.skillwise.events.catalog.CourseEvent;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.CourseState;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.catalog.CourseUnpublished;
import io.skillwise.events.catalog.CourseUpdated;
import io.skillwise.events.catalog.LessonOutline;
import io.skillwise.notification.reminder.CourseSchedule.ScheduledLesson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The lesson schedules of the catalog's courses ({@code catalog.course.v1}), newest revision kept: a redelivered or
 * older snapshot changes nothing.
 */
@Repository
class CourseSchedules {

    private final MongoTemplate mongo;

    CourseSchedules(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies the event unless a newer revision is held.
     *
     * @return whether the store now holds exactly this event's revision (then the course's reminders follow it; a
     *         redelivery answers true again, so a reschedule that died halfway is completed)
     */
    boolean apply(CourseEvent event) {
        return switch (event) {
            case CoursePublished published -> save(published);
            case CourseUpdated updated -> save(updated);
            case CourseUnpublished unpublished -> saveIfNewer(unpublished.courseId(), unpublished.revision(),
                    new Update().set("title", unpublished.title()).set("published", false));
            case CourseDeleted deleted -> {
                mongo.remove(query(where("_id").is(deleted.courseId().toString())), CourseSchedule.class);
                yield true;
            }
        };
    }

    Optional<CourseSchedule> find(UUID courseId) {
        return Optional.ofNullable(mongo.findById(courseId.toString(), CourseSchedule.class));
    }

    private boolean save(CourseState course) {
        List<ScheduledLesson> lessons = course.lessons().stream().filter(CourseSchedules::isScheduled)
                .map(lesson -> new ScheduledLesson(lesson.lessonId().toString(), lesson.title(), lesson.availableAt(),
                        lesson.availableAfterDays(), lesson.dueAt(), lesson.dueAfterDays()))
                .toList();
        return saveIfNewer(course.courseId(), course.revision(), new Update().set("title", course.title())
                .set("published", course.status() == CourseStatus.PUBLISHED).set("lessons", lessons));
    }

    private boolean saveIfNewer(UUID courseId, long revision, Update update) {
        try {
            mongo.upsert(query(where("_id").is(courseId.toString()).and("revision").lt(revision)),
                    update.set("revision", revision), CourseSchedule.class);
            return true;
        } catch (DuplicateKeyException held) {
            // this revision or a newer one is held: the same revision again is a redelivery and still current
            CourseSchedule current = mongo.findById(courseId.toString(), CourseSchedule.class);
            return current != null && current.revision() == revision;
        }
    }

    private static boolean isScheduled(LessonOutline lesson) {
        return lesson.availableAt() != null || lesson.availableAfterDays() != null || lesson.dueAt() != null
                || lesson.dueAfterDays() != null;
    }
}
