package io.skillwise.notification.inapp;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Numbers notifications across all instances: one counter document, advanced by one atomic {@code $inc} per batch
 * (findAndModify), so a fan-out to 10,000 recipients costs a handful of round trips, not 10,000.
 */
@Component
class NotificationSequence {

    static final String COLLECTION = "sequences";
    private static final String ID = "notifications";

    private final MongoTemplate mongo;

    NotificationSequence(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Reserves {@code count} numbers and answers the last; the first is {@code last - count + 1}. */
    long reserve(int count) {
        Document counter = mongo.findAndModify(query(where("_id").is(ID)), new Update().inc("value", (long) count),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        return ((Number) counter.get("value")).longValue();
    }

    /** The highest number reserved so far (0 before the first notification). */
    long head() {
        Document counter = mongo.findById(ID, Document.class, COLLECTION);
        return counter == null ? 0 : ((Number) counter.get("value")).longValue();
    }
}
