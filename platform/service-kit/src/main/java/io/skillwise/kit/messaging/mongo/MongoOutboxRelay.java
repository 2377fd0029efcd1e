package io.skillwise.kit.messaging.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
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
import io.skillwise.kit.messaging.outbox.ParkedEvent;
import io.skillwise.kit.messaging.outbox.RelayRound;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Publishes the outbox entries embedded in the documents of the registered collections: finds documents with
 * pending entries, orders the entries by when they were recorded, sends the oldest per key, and {@code $pull}s each
 * acknowledged entry from its document. One instance at a time relays ({@link MongoRelayLease}).
 */
public final class MongoOutboxRelay implements OutboxRelay {

    public static final String NAME = "mongo";

    private static final Logger log = LoggerFactory.getLogger(MongoOutboxRelay.class);

    private static final String ENTRY_ID = MongoOutbox.FIELD + ".eventId";
    private static final String RECORDED_AT = MongoOutbox.FIELD + ".recordedAt";
    /** Set on an entry Kafka refused {@code parkAfterRefusals} times; the relay leaves it (and its key) alone. */
    static final String PARKED_AT = "parkedAt";
    static final String REFUSALS = "refusals";
    static final String LAST_ERROR = "lastError";
    private static final Bson HAS_PARKED_ENTRY = Filters.elemMatch(MongoOutbox.FIELD, Filters.exists(PARKED_AT));
    private static final Bson HAS_SENDABLE_ENTRY = Filters.elemMatch(MongoOutbox.FIELD, Filters.exists(PARKED_AT, false));

    private final MongoTemplate mongo;
    private final MongoOutboxCollections collections;
    private final CloudEventSender sender;
    private final MongoRelayLease lease;
    private final OutboxProperties properties;
    private final Clock clock;
    private OutboxMetrics metrics;
    private boolean indexed;
    /**
     * Topic and key of every parked entry, so that a round with work does not scan every registered collection a
     * second time: read again when this instance took the lease over, when it parks an entry itself, and otherwise
     * at most once per poll interval, within which an operator's release takes effect. Only the lease holder parks,
     * so nothing is parked behind its back while it holds the lease.
     */
    private Set<String> blockedKeys;
    private long blockedKeysReadAt;

    public MongoOutboxRelay(MongoTemplate mongo, MongoOutboxCollections collections, CloudEventSender sender,
                            OutboxProperties properties, Clock clock) {
        this.mongo = mongo;
        this.collections = collections;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
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
        if (lease.takenOver()) {
            blockedKeys = null;
        }
        ensureIndexes();
        List<PendingEntry> pending = new ArrayList<>();
        boolean more = false;
        for (String collection : collections.names()) {
            List<Document> documents = mongo.getCollection(collection)
                    .find(HAS_SENDABLE_ENTRY)
                    .projection(Projections.include(MongoOutbox.FIELD))
                    .sort(Sorts.ascending(RECORDED_AT))
                    .limit(properties.batchSize())
                    .into(new ArrayList<>());
            more |= documents.size() == properties.batchSize();
            for (Document document : documents) {
                List<Document> entries = document.getList(MongoOutbox.FIELD, Document.class, List.of());
                for (int i = 0; i < entries.size(); i++) {
                    if (!entries.get(i).containsKey(PARKED_AT)) {
                        pending.add(new PendingEntry(collection, document.get("_id"), i, entry(entries.get(i)),
                                entries.get(i).getInteger(REFUSALS, 0)));
                    }
                }
            }
        }
        if (!pending.isEmpty()) {
            // a parked entry holds back every later entry of its key, wherever it is (asked only when there is work)
            Set<String> blocked = blockedKeys();
            pending.removeIf(p -> blocked.contains(keyOf(p.entry())));
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
            if (outcome.refused()) {
                refused(sent, outcome.failure());
                continue;
            }
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

    // A refusal concerns this entry only: the round is no failure (no backoff for the other keys); the entry is
    // tried again in later rounds and parked once refused parkAfterRefusals times.
    private void refused(PendingEntry entry, Throwable refusal) {
        int refusals = entry.refusals() + 1;
        boolean park = refusals >= properties.parkAfterRefusals();
        String error = CloudEventSender.errorText(refusal);
        Bson update = Updates.combine(Updates.set(MongoOutbox.FIELD + ".$." + REFUSALS, refusals),
                Updates.set(MongoOutbox.FIELD + ".$." + LAST_ERROR, error));
        if (park) {
            update = Updates.combine(update, Updates.set(MongoOutbox.FIELD + ".$." + PARKED_AT, Date.from(clock.instant())));
            blockedKeys = null;
        }
        mongo.getCollection(entry.collection()).updateOne(
                Filters.and(Filters.eq("_id", entry.documentId()), Filters.eq(ENTRY_ID, entry.entry().eventId())), update);
        if (park) {
            log.error("outbox event {} ({} key {}, collection {} document {}) is parked: Kafka refused it too often ({}). "
                            + "Later events of its key wait until it is released or dropped (docs/messaging.md, "
                            + "\"Parked events\")", entry.entry().eventId(), entry.entry().type(), entry.entry().key(),
                    entry.collection(), entry.documentId(), error);
        } else {
            log.warn("Kafka refused outbox event {} ({} key {}): {}; it is tried again, then parked",
                    entry.entry().eventId(), entry.entry().type(), entry.entry().key(), error);
        }
    }

    /** Topic and key of every parked entry: their later entries wait. */
    private Set<String> blockedKeys() {
        if (blockedKeys == null || System.nanoTime() - blockedKeysReadAt >= properties.pollInterval().toNanos()) {
            Set<String> keys = new HashSet<>();
            for (ParkedEvent parked : parked(Integer.MAX_VALUE)) {
                keys.add(parked.topic() + '\u0000' + parked.key());
            }
            blockedKeys = keys;
            blockedKeysReadAt = System.nanoTime();
        }
        return blockedKeys;
    }

    private static String keyOf(OutboxEntry entry) {
        return entry.topic() + '\u0000' + entry.key();
    }

    /** Entries waiting in all registered collections, for the pending gauge (parked ones not included). */
    public long countPending() {
        return waitingEntries().size();
    }

    /** When the oldest waiting entry was recorded, for the age gauge (parked ones not included). */
    public Optional<Instant> oldestPending() {
        return waitingEntries().stream().map(entry -> entry.get("recordedAt", Date.class).toInstant())
                .min(Comparator.naturalOrder());
    }

    private List<Document> waitingEntries() {
        List<Document> waiting = new ArrayList<>();
        for (String collection : collections.names()) {
            for (Document document : mongo.getCollection(collection).find(Filters.exists(ENTRY_ID))
                    .projection(Projections.include(MongoOutbox.FIELD))) {
                document.getList(MongoOutbox.FIELD, Document.class, List.of()).stream()
                        .filter(entry -> !entry.containsKey(PARKED_AT)).forEach(waiting::add);
            }
        }
        return waiting;
    }

    @Override
    public long countParked() {
        return parked(Integer.MAX_VALUE).size();
    }

    @Override
    public List<ParkedEvent> parked(int limit) {
        List<ParkedEvent> parked = new ArrayList<>();
        for (String collection : collections.names()) {
            for (Document document : mongo.getCollection(collection).find(HAS_PARKED_ENTRY)
                    .projection(Projections.include(MongoOutbox.FIELD))) {
                for (Document entry : document.getList(MongoOutbox.FIELD, Document.class, List.of())) {
                    if (entry.containsKey(PARKED_AT)) {
                        OutboxEntry e = entry(entry);
                        parked.add(new ParkedEvent(NAME, collection + " _id=" + document.get("_id"), e.eventId(), e.type(),
                                e.topic(), e.key(), entry.getInteger(REFUSALS, 0), entry.getString(LAST_ERROR),
                                entry.get(PARKED_AT, Date.class).toInstant()));
                    }
                }
            }
        }
        parked.sort(Comparator.comparing(ParkedEvent::parkedAt));
        return parked.size() > limit ? List.copyOf(parked.subList(0, limit)) : parked;
    }

    // Lazily, on the relay thread, so start-up does no Mongo work; creating an existing index is a no-op.
    private void ensureIndexes() {
        if (indexed) {
            return;
        }
        for (String collection : collections.names()) {
            MongoCollection<Document> documents = mongo.getCollection(collection);
            documents.createIndex(new Document(ENTRY_ID, 1));
            documents.createIndex(new Document(MongoOutbox.FIELD + "." + PARKED_AT, 1), new IndexOptions().sparse(true));
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

    private record PendingEntry(String collection, Object documentId, int position, OutboxEntry entry, int refusals) {
    }
}
