package io.skillwise.review.rating;

import io.skillwise.events.review.CourseRatingChanged;
import io.skillwise.kit.messaging.MongoOutbox;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Course rating aggregates (collection {@value CourseRating#COLLECTION}), each carrying its own outbox. */
@Repository
class RatingRepository {

    private final MongoTemplate mongo;
    private final MongoOutbox outbox;

    RatingRepository(MongoTemplate mongo, MongoOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    Optional<CourseRating> find(UUID courseId) {
        return Optional.ofNullable(mongo.findById(courseId, CourseRating.class));
    }

    List<CourseRating> ofInstructor(UUID instructorId) {
        return mongo.find(query(where("instructorId").is(instructorId)), CourseRating.class);
    }

    /** The first aggregate of a course; false when another writer created it first. */
    boolean create(CourseRating rating, CourseRatingChanged event) {
        Document document = new Document();
        mongo.getConverter().write(rating, document);
        document.put(MongoOutbox.FIELD, List.of(mongo.getConverter().convertToMongoType(outbox.entryFor(event))));
        try {
            mongo.insert(document, CourseRating.COLLECTION);
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** Overwrites the figures if nobody wrote since {@code version} was read; false when somebody did. */
    boolean replace(UUID courseId, long version, UUID instructorId, RatingFigures figures, Instant changedAt,
                    CourseRatingChanged event) {
        Update update = new Update().set("instructorId", instructorId).set("figures", figures)
                .set("changedAt", changedAt).inc("version", 1);
        return mongo.updateFirst(query(where("_id").is(courseId).and("version").is(version)),
                outbox.push(update, event), CourseRating.class).getMatchedCount() == 1;
    }

    void wake() {
        outbox.wake();
    }
}
