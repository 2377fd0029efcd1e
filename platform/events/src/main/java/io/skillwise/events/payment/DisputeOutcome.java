package io.skillwise.events.payment;

/** How the card network decided a dispute. */
public enum DisputeOutcome {
    /** Decided for the platform: the money stays, access is restored. */
    WON,
    /** Decided for the buyer: the money is gone, access ends and earnings are reversed. */
    LOST
}
