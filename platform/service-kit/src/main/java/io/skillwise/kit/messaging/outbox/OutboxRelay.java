package io.skillwise.kit.messaging.outbox;

import java.util.List;

/** One store's relay: what {@link RelayLoop} drives. */
public interface OutboxRelay {

    /** Publishes one round of pending events. Must not throw for a broker failure: it reports it. */
    RelayRound publishPending();

    /** Deletes what is no longer needed (published rows past retention, ...), in bounded steps. */
    default void cleanUp() {
    }

    /** Events parked because Kafka refused them for good (they and the later events of their key wait). */
    default long countParked() {
        return 0;
    }

    /** The oldest parked events, at most {@code limit}. */
    default List<ParkedEvent> parked(int limit) {
        return List.of();
    }

    /** A short name for logs and thread names, e.g. {@code jdbc}. */
    String name();
}
