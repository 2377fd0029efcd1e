package io.skillwise.notification.replica;

import io.skillwise.events.catalog.CourseDeleted;
import io.skillwise.events.catalog.CourseEvent;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.CourseState;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.catalog.CourseUnpublished;
import io.skillwise.events.catalog.CourseUpdated;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The courses replica, fed by {@code catalog.course.v1}: titles for notices and the instructor of each course.
 * Catalog numbers every change of a course ({@code revision}), so the replica keeps the newest one it has seen: a
 * redelivered or older snapshot changes nothing, which also makes it idempotent without an inbox.
 */
@Service
public class CourseReplica {

    private final MongoTemplate mongo;

    CourseReplica(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void apply(CourseEvent event) {
        switch (event) {
            case CoursePublished published -> save(published);
            case CourseUpdated updated -> save(updated);
            case CourseUnpublished unpublished -> saveIfNewer(unpublished.courseId(), unpublished.revision(),
                    new Update().set("instructorId", unpublished.instructorId().toString())
                            .set("title", unpublished.title()).set("status", CourseStatus.UNPUBLISHED.name()));
            case CourseDeleted deleted -> mongo.remove(query(where("_id").is(deleted.courseId().toString())),
                    CourseDocument.class);
        }
    }

    public Optional<Course> find(UUID courseId) {
        return Optional.ofNullable(mongo.findById(courseId.toString(), CourseDocument.class)).map(CourseReplica::toCourse);
    }

    /** The known courses among the ids. */
    public Map<UUID, Course> findAll(Collection<UUID> courseIds) {
        return mongo.find(query(where("_id").in(UserReplica.strings(courseIds))), CourseDocument.class).stream()
                .map(CourseReplica::toCourse).collect(Collectors.toMap(Course::id, Function.identity()));
    }

    private void save(CourseState course) {
        saveIfNewer(course.courseId(), course.revision(), new Update()
                .set("instructorId", course.instructorId().toString()).set("title", course.title())
                .set("status", course.status().name()));
    }

    private void saveIfNewer(UUID courseId, long revision, Update update) {
        try {
            // an existing document with this or a newer revision does not match; the upsert then collides with its
            // _id, which is the "already applied" answer
            mongo.upsert(query(where("_id").is(courseId.toString()).and("revision").lt(revision)),
                    update.set("revision", revision), CourseDocument.class);
        } catch (DuplicateKeyException stale) {
            // nothing to do: the replica holds this revision or a newer one
        }
    }

    private static Course toCourse(CourseDocument document) {
        return new Course(UUID.fromString(document.id()), UUID.fromString(document.instructorId()), document.title(),
                CourseStatus.valueOf(document.status()));
    }
}
