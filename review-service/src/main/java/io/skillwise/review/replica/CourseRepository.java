package io.skillwise.review.replica;

import io.skillwise.events.catalog.CourseReplicaStore;
import io.skillwise.events.catalog.CourseState;
import io.skillwise.events.catalog.CourseStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The course replica (collection {@value Course#COLLECTION}); how each catalog event changes it is the shared rule of
 * {@link CourseReplicaStore}, each write guarded by the catalog's revision.
 */
@Repository
class CourseRepository implements CourseReplicaStore {

    private final MongoTemplate mongo;

    CourseRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<Course> find(UUID courseId) {
        return Optional.ofNullable(mongo.findById(courseId, Course.class));
    }

    List<Course> findAll(Collection<UUID> courseIds) {
        return courseIds.isEmpty() ? List.of() : mongo.find(query(where("_id").in(courseIds)), Course.class);
    }

    /**
     * The upsert matches only an older document; against a newer one it tries an insert, which the {@code _id}
     * refuses: that refusal is the "stale" answer, so a redelivered or late snapshot changes nothing.
     */
    @Override
    public boolean saveIfNewer(CourseState course, Instant now) {
        return upsertIfNewer(course.courseId(), course.revision(), new Update()
                .set("instructorId", course.instructorId()).set("title", course.title())
                .set("status", course.status()).set("revision", course.revision()));
    }

    @Override
    public boolean changeStatusIfNewer(UUID courseId, CourseStatus status, long revision, Instant now) {
        return upsertIfNewer(courseId, revision, new Update().set("status", status).set("revision", revision));
    }

    @Override
    public void delete(UUID courseId, Instant now) {
        mongo.remove(query(where("_id").is(courseId)), Course.class);
    }

    private boolean upsertIfNewer(UUID courseId, long revision, Update update) {
        try {
            mongo.upsert(query(where("_id").is(courseId).and("revision").lt(revision)), update, Course.class);
            return true;
        } catch (DuplicateKeyException stale) {
            return false;
        }
    }
}
