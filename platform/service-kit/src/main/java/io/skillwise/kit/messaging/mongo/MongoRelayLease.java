package io.skillwise.kit.messaging.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    /** Until when this instance holds the lease by its last renewal; null while it does not hold it. */
    private Instant heldUntil;
    private boolean takenOver;

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
        Instant now = clock.instant();
        Instant until = now.plus(duration);
        boolean held = leases.updateOne(
                Filters.and(Filters.eq("_id", ID), Filters.or(Filters.eq("holder", holder), Filters.lt("until", Date.from(now)))),
                Updates.combine(Updates.set("holder", holder), Updates.set("until", Date.from(until))))
                .getMatchedCount() == 1;
        // lapsed since our last renewal (or never ours): another instance may have relayed in between
        takenOver = held && (heldUntil == null || !now.isBefore(heldUntil));
        heldUntil = held ? until : null;
        return held;
    }

    /**
     * Whether the last successful {@link #tryAcquire} took the lease rather than renewing one held without a break:
     * what another instance did meanwhile (e.g. parking an entry) is then unknown to this one.
     */
    boolean takenOver() {
        return takenOver;
    }
}
