package io.skillwise.review.replica;

import io.skillwise.events.catalog.CourseStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The course replica (collection {@value Course#COLLECTION}); each write is guarded by the catalog's revision. */
@Repository
class CourseRepository {

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
     * Stores what the revision says unless a later (or the same) revision is there already. The upsert matches
     * only an older document; against a newer one it tries an insert, which the {@code _id} refuses: that refusal
     * is the "stale" answer, so a redelivered or late snapshot changes nothing.
     */
    void saveIfNewer(UUID courseId, UUID instructorId, String title, CourseStatus status, long revision,
                     boolean deleted) {
        Update update = new Update().set("instructorId", instructorId).set("status", status)
                .set("revision", revision).set("deleted", deleted);
        if (title != null) {
            update.set("title", title);
        }
        try {
            mongo.upsert(query(where("_id").is(courseId).and("revision").lt(revision)), update, Course.class);
        } catch (DuplicateKeyException stale) {
            // a snapshot of the same or a later revision is already here
        }
    }

    void markDeleted(UUID courseId, UUID instructorId) {
        mongo.upsert(query(where("_id").is(courseId)),
                new Update().set("deleted", true).setOnInsert("instructorId", instructorId)
                        .setOnInsert("revision", Long.MAX_VALUE), Course.class);
    }
}
