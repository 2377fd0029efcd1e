package io.skillwise.kit.messaging.outbox;

/**
 * What one relay round did.
 *
 * @param published       events Kafka acknowledged
 * @param more            whether more pending events are known to wait, so the next round should start at once
 * @param lockedElsewhere another instance holds the relay lock of this store
 * @param failure         why publication failed (Kafka away, ...), or null
 */
public record RelayRound(int published, boolean more, boolean lockedElsewhere, Throwable failure) {

    public static RelayRound idle() {
        return new RelayRound(0, false, false, null);
    }

    public static RelayRound heldByAnotherInstance() {
        return new RelayRound(0, false, true, null);
    }

    public static RelayRound failed(Throwable failure) {
        return new RelayRound(0, false, false, failure);
    }
}
