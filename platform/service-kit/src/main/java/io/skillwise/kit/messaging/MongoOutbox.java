package io.skillwise.kit.messaging;

import io.skillwise.events.DomainEvent;
import io.skillwise.kit.messaging.outbox.OutboxEntries;
import org.springframework.data.mongodb.core.query.Update;

import java.util.Arrays;
import java.util.Objects;

/**
 * The in-document outbox of a MongoDB service. The Mongo stand-in (and a MongoDB deployment without replica-set
 * transactions) cannot commit two documents atomically, so a document carries its own pending events in a list field
 * named {@value #FIELD}, and the state change and its events are written by <em>one</em> single-document update. The
 * relay publishes the entries of the {@link MongoOutboxCollections registered collections} in order and {@code $pull}s
 * each one Kafka has acknowledged.
 *
 * <pre>{@code
 * Update update = new Update().set("rating", rating).set("updatedAt", now);
 * mongo.updateFirst(query(where("_id").is(reviewId)), outbox.push(update, reviewUpdated), Review.class);
 * outbox.wake();
 * }</pre>
 *
 * <p>Prefer such targeted updates to {@code repository.save(document)}: a save writes back the whole {@value #FIELD}
 * list as it was read, which re-adds entries the relay removed meanwhile (they are then published again; consumers
 * de-duplicate, but it is waste).
 */
public final class MongoOutbox {

    /** The field of a document that holds its pending {@link OutboxEntry} list. */
    public static final String FIELD = "outbox";

    private final OutboxEntries entries;
    private final Runnable wake;

    /** @param wake wakes the relay; null when no collection is registered, which makes every use fail loudly */
    public MongoOutbox(OutboxEntries entries, Runnable wake) {
        this.entries = entries;
        this.wake = wake;
    }

    /** The entry to embed for an event: for documents built in code before an insert. */
    public OutboxEntry entryFor(DomainEvent event) {
        requireRelay();
        return entries.entryFor(event);
    }

    /** Adds the events to {@code update} as a {@code $push} onto {@value #FIELD}, in the given order. */
    public Update push(Update update, DomainEvent... events) {
        Objects.requireNonNull(update, "update");
        Object[] pushed = Arrays.stream(events).map(this::entryFor).toArray();
        update.push(FIELD).each(pushed);
        return update;
    }

    /** Tells the relay there is something to publish; call it after the write. Without it the next poll finds it. */
    public void wake() {
        requireRelay();
        wake.run();
    }

    private void requireRelay() {
        if (wake == null) {
            throw new IllegalStateException("no collection carries an outbox: declare a MongoOutboxCollections bean "
                    + "naming the collections whose documents hold the '" + FIELD + "' field, or nothing is published");
        }
    }
}
