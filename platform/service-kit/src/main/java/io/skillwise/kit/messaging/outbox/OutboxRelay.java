package io.skillwise.kit.messaging.outbox;

/** One store's relay: what {@link RelayLoop} drives. */
public interface OutboxRelay {

    /** Publishes one round of pending events. Must not throw for a broker failure: it reports it. */
    RelayRound publishPending();

    /** Deletes what is no longer needed (published rows past retention, ...), in bounded steps. */
    default void cleanUp() {
    }

    /** A short name for logs and thread names, e.g. {@code jdbc}. */
    String name();
}
