package io.skillwise.kit.messaging.testapp;

import io.skillwise.events.identity.UserProfileUpdated;
import io.skillwise.kit.messaging.Inbox;
import io.skillwise.kit.messaging.IncomingEvent;
import io.skillwise.kit.messaging.MongoInbox;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Keeps a replica of every profile, once in PostgreSQL (inbox row and change in one transaction) and once in MongoDB
 * (processed id and change in one document update). {@code applied_count} counts state changes: a duplicate must not
 * raise it.
 */
@Service
public class ProfileReplicas {

    public static final String MONGO_COLLECTION = "profile_replicas";

    private final Inbox inbox;
    private final MongoInbox mongoInbox;
    private final JdbcClient jdbc;

    public ProfileReplicas(Inbox inbox, MongoInbox mongoInbox, JdbcClient jdbc) {
        this.inbox = inbox;
        this.mongoInbox = mongoInbox;
        this.jdbc = jdbc;
    }

    void apply(IncomingEvent event, UserProfileUpdated updated) {
        long revision = Long.parseLong(updated.headline().substring("revision ".length()));
        inbox.processOnce(event, e -> jdbc.sql("""
                        insert into profile_replica (id, display_name, revision, applied_count)
                        values (:id, :name, :revision, 1)
                        on conflict (id) do update set display_name = :name, revision = :revision,
                            applied_count = profile_replica.applied_count + 1""")
                .param("id", updated.userId()).param("name", updated.displayName()).param("revision", revision)
                .update());
        mongoInbox.upsertOnce(event, query(where("_id").is(updated.userId().toString())),
                new Update().set("displayName", updated.displayName()).set("revision", revision).inc("appliedCount", 1),
                MONGO_COLLECTION);
    }
}
