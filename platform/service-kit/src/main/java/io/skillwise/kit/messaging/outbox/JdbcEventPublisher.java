package io.skillwise.kit.messaging.outbox;

import io.skillwise.events.DomainEvent;
import io.skillwise.kit.messaging.EventPublisher;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox of a PostgreSQL service: {@link #publish} inserts into {@code outbox_event} on the caller's connection,
 * so the event commits or rolls back with the state change, and wakes the relay once that transaction has committed.
 */
@Transactional(propagation = Propagation.MANDATORY)
public class JdbcEventPublisher implements EventPublisher {

    /** Marks a transaction that already has its after-commit wake-up. */
    private static final Object WAKE_REGISTERED = new Object();

    private final OutboxEntries entries;
    private final JdbcOutboxStore store;
    private final RelayLoop relay;

    public JdbcEventPublisher(OutboxEntries entries, JdbcOutboxStore store, RelayLoop relay) {
        this.entries = entries;
        this.store = store;
        this.relay = relay;
    }

    @Override
    public void publish(DomainEvent event) {
        // MANDATORY is also checked here, so the guarantee does not depend on this bean being proxied
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("EventPublisher.publish must run inside the transaction that "
                    + "changes the state the event describes (e.g. a @Transactional service method)");
        }
        store.insert(entries.entryFor(event));
        wakeRelayAfterCommit();
    }

    private void wakeRelayAfterCommit() {
        if (TransactionSynchronizationManager.hasResource(WAKE_REGISTERED)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(WAKE_REGISTERED, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wake();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(WAKE_REGISTERED);
            }
        });
    }
}
