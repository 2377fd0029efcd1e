package io.skillwise.kit.messaging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Makes a JDBC service's event handling idempotent. Kafka delivers at least once, so the same {@code ce_id} can
 * arrive again (a redelivery after a rebalance, a producer retry); the inbox records each processed id in
 * {@code processed_event} in the <em>same transaction</em> as the handler's state change. Either both commit or
 * neither does, and a duplicate finds its id already there and changes nothing.
 *
 * <pre>{@code
 * @KafkaListener(topics = Topics.PAYMENT_ORDER)
 * void on(IncomingEvent event) {
 *     inbox.processOnce(event, e -> enrollments.apply(e.event()));
 * }
 * }</pre>
 */
public final class Inbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String defaultConsumer;

    public Inbox(JdbcClient jdbc, TransactionTemplate transactions, String defaultConsumer) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.defaultConsumer = defaultConsumer;
    }

    /**
     * Runs the handler in a transaction (joining one already open), unless this service has processed the event
     * before.
     *
     * @return true when the handler ran, false for a duplicate
     */
    public boolean processOnce(IncomingEvent event, Consumer<IncomingEvent> handler) {
        return processOnce(defaultConsumer, event, handler);
    }

    /**
     * As {@link #processOnce(IncomingEvent, Consumer)}, under a consumer name of its own: for a second handler in the
     * same service that applies the same events for another purpose.
     */
    public boolean processOnce(String consumer, IncomingEvent event, Consumer<IncomingEvent> handler) {
        Objects.requireNonNull(handler, "handler");
        Boolean ran = transactions.execute(status -> {
            if (!markProcessed(consumer, event)) {
                return false;
            }
            handler.accept(event);
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }

    /**
     * Records the event as processed inside the caller's transaction, for handlers that manage their own
     * ({@code @Transactional}) transaction: {@code if (!inbox.markProcessed(event)) return;} first, then the change.
     *
     * @return true the first time, false for a duplicate (the caller then changes nothing)
     * @throws IllegalTransactionStateException when no transaction is open: the record and the change must commit
     *                                          together
     */
    public boolean markProcessed(IncomingEvent event) {
        return markProcessed(defaultConsumer, event);
    }

    public boolean markProcessed(String consumer, IncomingEvent event) {
        Objects.requireNonNull(consumer, "consumer");
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException(
                    "Inbox.markProcessed needs the handler's transaction, so the state change and the record commit together");
        }
        // A concurrent duplicate (e.g. during a rebalance) waits here on the primary key until the first commits,
        // then inserts nothing.
        int inserted = jdbc.sql("""
                        insert into processed_event (consumer, event_id, event_type, processed_at)
                        values (:consumer, :eventId, :type, clock_timestamp())
                        on conflict (consumer, event_id) do nothing""")
                .param("consumer", consumer)
                .param("eventId", event.id())
                .param("type", event.type())
                .update();
        return inserted == 1;
    }
}
