package io.skillwise.kit.messaging;

import com.mongodb.client.result.UpdateResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.Objects;

/**
 * Idempotent event handling for MongoDB services, without transactions: the document that changes also remembers
 * which events changed it. The update is made conditional on the event id <em>not</em> being in the document's
 * {@value #FIELD} list and pushes the id onto it (keeping the most recent ids, {@code $slice}), so applying the event
 * and recording it are one atomic single-document write, and a duplicate matches nothing and changes nothing.
 *
 * <pre>{@code
 * @KafkaListener(topics = Topics.ENROLLMENT_ENROLLMENT)
 * void on(IncomingEvent event) {
 *     if (event.event() instanceof StudentEnrolled enrolled) {
 *         inbox.upsertOnce(event, query(where("_id").is(enrolled.courseId().toString())),
 *                 new Update().addToSet("students", enrolled.studentId().toString()), CourseEligibility.class);
 *     }
 * }
 * }</pre>
 *
 * <p>The window is per document: a document remembers its last {@code skillwise.consumer.mongo-processed-ids} ids
 * (default 200), far more than the redeliveries Kafka makes of recent records.
 */
public final class MongoInbox {

    /** The field of a document that holds the ids of the events applied to it. */
    public static final String FIELD = "processedEventIds";

    private final MongoTemplate mongo;
    private final int keep;

    public MongoInbox(MongoTemplate mongo, int keep) {
        this.mongo = mongo;
        this.keep = keep;
    }

    /**
     * Applies {@code update} to the document {@code query} selects, unless the event was applied to it before.
     *
     * @return true when the document changed, false for a duplicate (or when no document matches)
     */
    public boolean applyOnce(IncomingEvent event, Query query, Update update, Class<?> entityClass) {
        UpdateResult result = mongo.updateFirst(unprocessed(query, event), recording(update, event), entityClass);
        return result.getMatchedCount() == 1;
    }

    /**
     * As {@link #applyOnce}, creating the document when it does not exist yet. {@code query} must select the document
     * by {@code _id} only: for a duplicate the conditional update matches nothing, the insert it falls back to hits
     * the existing {@code _id}, and that duplicate key is the "already applied" answer.
     */
    public boolean upsertOnce(IncomingEvent event, Query query, Update update, Class<?> entityClass) {
        try {
            mongo.upsert(unprocessed(query, event), recording(update, event), entityClass);
            return true;
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
    }

    /** As {@link #applyOnce(IncomingEvent, Query, Update, Class)}, for a collection without an entity class. */
    public boolean applyOnce(IncomingEvent event, Query query, Update update, String collection) {
        UpdateResult result = mongo.updateFirst(unprocessed(query, event), recording(update, event), collection);
        return result.getMatchedCount() == 1;
    }

    /** As {@link #upsertOnce(IncomingEvent, Query, Update, Class)}, for a collection without an entity class. */
    public boolean upsertOnce(IncomingEvent event, Query query, Update update, String collection) {
        try {
            mongo.upsert(unprocessed(query, event), recording(update, event), collection);
            return true;
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
    }

    private static Query unprocessed(Query query, IncomingEvent event) {
        Objects.requireNonNull(query, "query");
        return Query.of(query).addCriteria(Criteria.where(FIELD).ne(event.id().toString()));
    }

    private Update recording(Update update, IncomingEvent event) {
        Objects.requireNonNull(update, "update");
        update.push(FIELD).slice(-keep).each(event.id().toString());
        return update;
    }
}
