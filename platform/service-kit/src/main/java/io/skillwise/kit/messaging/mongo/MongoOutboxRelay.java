package io.skillwise.kit.messaging.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.skillwise.kit.messaging.MongoOutbox;
import io.skillwise.kit.messaging.MongoOutboxCollections;
import io.skillwise.kit.messaging.OutboxEntry;
import io.skillwise.kit.messaging.OutboxProperties;
import io.skillwise.kit.messaging.outbox.CloudEventSender;
import io.skillwise.kit.messaging.outbox.KeyOrder;
import io.skillwise.kit.messaging.outbox.OutboxMetrics;
import io.skillwise.kit.messaging.outbox.OutboxRelay;
import io.skillwise.kit.messaging.outbox.RelayRound;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * Publishes the outbox entries embedded in the documents of the registered collections: finds documents with
 * pending entries, orders the entries by when they were recorded, sends the oldest per key, and {@code $pull}s each
 * acknowledged entry from its document. One instance at a time relays ({@link MongoRelayLease}).
 */
public final class MongoOutboxRelay implements OutboxRelay {

    public static final String NAME = "mongo";

    private static final String ENTRY_ID = MongoOutbox.FIELD + ".eventId";
    private static final String RECORDED_AT = MongoOutbox.FIELD + ".recordedAt";

    private final MongoTemplate mongo;
    private final MongoOutboxCollections collections;
    private final CloudEventSender sender;
    private final MongoRelayLease lease;
    private final OutboxProperties properties;
    private OutboxMetrics metrics;
    private boolean indexed;

    public MongoOutboxRelay(MongoTemplate mongo, MongoOutboxCollections collections, CloudEventSender sender,
                            OutboxProperties properties, Clock clock) {
        this.mongo = mongo;
        this.collections = collections;
        this.sender = sender;
        this.properties = properties;
        this.lease = new MongoRelayLease(mongo, properties.mongoLease(), clock);
    }

    /** Set once at wiring time; the metrics read {@link #countPending()}, so they cannot be built before. */
    public void setMetrics(OutboxMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RelayRound publishPending() {
        if (!lease.tryAcquire()) {
            return RelayRound.heldByAnotherInstance();
        }
        ensureIndexes();
        List<PendingEntry> pending = new ArrayList<>();
        boolean more = false;
        for (String collection : collections.names()) {
            List<Document> documents = mongo.getCollection(collection)
                    .find(Filters.exists(ENTRY_ID))
                    .projection(Projections.include(MongoOutbox.FIELD))
                    .sort(Sorts.ascending(RECORDED_AT))
                    .limit(properties.batchSize())
                    .into(new ArrayList<>());
            more |= documents.size() == properties.batchSize();
            for (Document document : documents) {
                List<Document> entries = document.getList(MongoOutbox.FIELD, Document.class, List.of());
                for (int i = 0; i < entries.size(); i++) {
                    pending.add(new PendingEntry(collection, document.get("_id"), i, entry(entries.get(i))));
                }
            }
        }
        if (pending.isEmpty()) {
            return RelayRound.idle();
        }
        // array order within a document, recording time across documents
        pending.sort(Comparator.comparing((PendingEntry p) -> p.entry().recordedAt())
                .thenComparing(PendingEntry::collection)
                .thenComparing(p -> String.valueOf(p.documentId()))
                .thenComparingInt(PendingEntry::position));
        List<PendingEntry> round = KeyOrder.oldestPerKey(pending, PendingEntry::entry);
        List<CloudEventSender.Outcome> outcomes = sender.send(round.stream().map(PendingEntry::entry).toList());
        int published = 0;
        Throwable failure = null;
        for (int i = 0; i < round.size(); i++) {
            PendingEntry sent = round.get(i);
            CloudEventSender.Outcome outcome = outcomes.get(i);
            if (!outcome.published()) {
                failure = failure == null ? outcome.failure() : failure;
                continue;
            }
            mongo.getCollection(sent.collection()).updateOne(Filters.eq("_id", sent.documentId()),
                    Updates.pull(MongoOutbox.FIELD, new Document("eventId", sent.entry().eventId())));
            published++;
            if (metrics != null) {
                metrics.published(sent.entry().recordedAt());
            }
        }
        more |= pending.size() > round.size();
        return new RelayRound(published, more && failure == null, false, failure);
    }

    /** Entries waiting in all registered collections, for the pending gauge. */
    public long countPending() {
        long count = 0;
        for (String collection : collections.names()) {
            for (Document document : mongo.getCollection(collection).find(Filters.exists(ENTRY_ID))
                    .projection(Projections.include(ENTRY_ID))) {
                count += document.getList(MongoOutbox.FIELD, Document.class, List.of()).size();
            }
        }
        return count;
    }

    // Lazily, on the relay thread, so start-up does no Mongo work; creating an existing index is a no-op.
    private void ensureIndexes() {
        if (indexed) {
            return;
        }
        for (String collection : collections.names()) {
            MongoCollection<Document> documents = mongo.getCollection(collection);
            documents.createIndex(new Document(ENTRY_ID, 1));
        }
        indexed = true;
    }

    private static OutboxEntry entry(Document entry) {
        return new OutboxEntry(
                entry.getString("eventId"),
                entry.getString("topic"),
                entry.getString("type"),
                entry.getString("key"),
                entry.getString("payload"),
                entry.get("occurredAt", Date.class).toInstant(),
                entry.getString("traceparent"),
                entry.get("recordedAt", Date.class).toInstant());
    }

    private record PendingEntry(String collection, Object documentId, int position, OutboxEntry entry) {
    }
}
