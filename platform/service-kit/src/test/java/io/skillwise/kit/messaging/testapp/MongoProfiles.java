package io.skillwise.kit.messaging.testapp;

import io.skillwise.kit.messaging.MongoOutbox;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The Mongo side: the state change and its outbox entry are one single-document update. The revision is taken
 * first (findAndModify), then the rename and its event are written together, guarded by that revision.
 */
@Service
public class MongoProfiles {

    public static final String COLLECTION = "mongo_profiles";

    private final MongoTemplate mongo;
    private final MongoOutbox outbox;

    public MongoProfiles(MongoTemplate mongo, MongoOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    public long rename(UUID id, String displayName, UUID actor) {
        Document current = mongo.findAndModify(query(where("_id").is(id.toString())),
                new Update().setOnInsert("revision", 0L), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, COLLECTION);
        long revision = ((Number) current.get("revision")).longValue() + 1;
        Update update = new Update().set("displayName", displayName).set("revision", revision);
        outbox.push(update, Profiles.updated(id, displayName, revision, actor));
        long matched = mongo.updateFirst(query(where("_id").is(id.toString()).and("revision").is(revision - 1)),
                update, COLLECTION).getMatchedCount();
        if (matched != 1) {
            throw new IllegalStateException("concurrent rename of " + id);
        }
        outbox.wake();
        return revision;
    }
}
