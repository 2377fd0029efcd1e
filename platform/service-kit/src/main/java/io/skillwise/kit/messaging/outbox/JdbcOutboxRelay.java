package io.skillwise.kit.messaging.outbox;

import io.skillwise.kit.messaging.OutboxProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes {@code outbox_event} rows. Each round is one short transaction: take the database's relay lock (so one
 * instance publishes at a time and order per key holds), read the oldest pending rows, send the oldest per key, stamp
 * the acknowledged ones {@code published_at}. A crash between send and stamp means the rows go out again after the
 * restart with the same {@code ce_id} (at least once; consumers de-duplicate), never that they are lost.
 */
public final class JdbcOutboxRelay implements OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(JdbcOutboxRelay.class);

    private final JdbcOutboxStore store;
    private final TransactionTemplate transactions;
    private final CloudEventSender sender;
    private final OutboxMetrics metrics;
    private final OutboxProperties properties;
    private final Duration inboxRetention;
    private final Clock clock;

    public JdbcOutboxRelay(JdbcOutboxStore store, TransactionTemplate transactions, CloudEventSender sender,
                           OutboxMetrics metrics, OutboxProperties properties, Duration inboxRetention, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.sender = sender;
        this.metrics = metrics;
        this.properties = properties;
        this.inboxRetention = inboxRetention;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public RelayRound publishPending() {
        return transactions.execute(status -> {
            if (!store.tryRelayLock()) {
                return RelayRound.heldByAnotherInstance();
            }
            List<JdbcOutboxStore.PendingRow> pending = store.pending(properties.batchSize());
            if (pending.isEmpty()) {
                return RelayRound.idle();
            }
            List<JdbcOutboxStore.PendingRow> round = KeyOrder.oldestPerKey(pending, JdbcOutboxStore.PendingRow::entry);
            List<CloudEventSender.Outcome> outcomes = sender.send(round.stream().map(JdbcOutboxStore.PendingRow::entry).toList());
            List<Long> published = new ArrayList<>();
            List<Long> failed = new ArrayList<>();
            Throwable failure = null;
            for (int i = 0; i < round.size(); i++) {
                CloudEventSender.Outcome outcome = outcomes.get(i);
                if (outcome.published()) {
                    published.add(round.get(i).seq());
                    metrics.published(outcome.entry().recordedAt());
                } else if (outcome.refused()) {
                    refused(round.get(i), outcome.failure());
                } else {
                    failed.add(round.get(i).seq());
                    failure = failure == null ? outcome.failure() : failure;
                }
            }
            store.markPublished(published);
            if (failure != null) {
                store.recordFailure(failed, CloudEventSender.errorText(failure));
            }
            boolean more = pending.size() > round.size() || pending.size() == properties.batchSize();
            return new RelayRound(published.size(), more && failure == null, false, failure);
        });
    }

    // A refusal concerns its record only: the round is not a failure (no backoff for the other keys), the row is
    // tried again in later rounds and parked once refused parkAfterRefusals times.
    private void refused(JdbcOutboxStore.PendingRow row, Throwable refusal) {
        if (store.recordRefusal(row.seq(), CloudEventSender.errorText(refusal), properties.parkAfterRefusals())) {
            log.error("outbox event {} ({} key {}, outbox_event.seq={}) is parked: Kafka refused it too often ({}). "
                            + "Later events of its key wait until it is released or dropped (docs/messaging.md, "
                            + "\"Parked events\")", row.entry().eventId(), row.entry().type(), row.entry().key(), row.seq(),
                    refusal.toString());
        } else {
            log.warn("Kafka refused outbox event {} ({} key {}): {}; it is tried again, then parked",
                    row.entry().eventId(), row.entry().type(), row.entry().key(), refusal.toString());
        }
    }

    @Override
    public long countParked() {
        return store.countParked();
    }

    @Override
    public List<ParkedEvent> parked(int limit) {
        return store.parked(limit);
    }

    @Override
    public void cleanUp() {
        int outbox = transactions.execute(status -> store.tryRelayLock()
                ? store.deletePublishedBefore(clock.instant().minus(properties.retention()), properties.cleanupBatchSize())
                : 0);
        int inbox = transactions.execute(status ->
                store.deleteProcessedBefore(clock.instant().minus(inboxRetention), properties.cleanupBatchSize()));
        if (outbox + inbox > 0) {
            log.debug("outbox clean-up deleted {} published events and {} processed-event ids", outbox, inbox);
        }
    }
}
