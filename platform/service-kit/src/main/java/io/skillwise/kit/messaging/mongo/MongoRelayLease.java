package io.skillwise.kit.messaging.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;

/**
 * One relay per database, as with PostgreSQL's advisory lock, but for a store without locks: a lease document that
 * an instance takes when it has lapsed and renews every round. If the holder dies, another instance (or the holder's
 * own restart, which has a new identity) takes over once the lease runs out.
 */
public final class MongoRelayLease {

    public static final String COLLECTION = "skillwise_outbox_lease";
    public static final String ID = "outbox-relay";

    private final MongoTemplate mongo;
    private final Duration duration;
    private final Clock clock;
    private final String holder = UUID.randomUUID().toString();
    private boolean documentExists;

    MongoRelayLease(MongoTemplate mongo, Duration duration, Clock clock) {
        this.mongo = mongo;
        this.duration = duration;
        this.clock = clock;
    }

    /** Takes or renews the lease; false while another live instance holds it. */
    boolean tryAcquire() {
        MongoCollection<Document> leases = mongo.getCollection(COLLECTION);
        if (!documentExists) {
            // created once, lapsed; a concurrent creation by another instance is as good
            try {
                leases.insertOne(new Document("_id", ID).append("holder", "").append("until", new Date(0)));
            } catch (com.mongodb.MongoWriteException e) {
                if (e.getError().getCode() != 11000) {
                    throw e;
                }
            }
            documentExists = true;
        }
        Date now = Date.from(clock.instant());
        return leases.updateOne(
                Filters.and(Filters.eq("_id", ID), Filters.or(Filters.eq("holder", holder), Filters.lt("until", now))),
                Updates.combine(Updates.set("holder", holder), Updates.set("until", Date.from(clock.instant().plus(duration)))))
                .getMatchedCount() == 1;
    }
}
