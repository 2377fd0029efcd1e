package io.skillwise.kit.messaging.outbox;

import io.skillwise.kit.messaging.OutboxEntry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The ordering rule of every relay: in one round, send only the oldest pending event of each key (per topic). An
 * event is therefore never on the wire before the broker has acknowledged every earlier event of its aggregate, so
 * order per key holds even when a send fails midway and the producer's own retries and epoch bumps would otherwise
 * be free to reorder a pipeline. Different keys still go out together in one batch.
 */
public final class KeyOrder {

    private KeyOrder() {
    }

    /** @param oldestFirst pending items in publication order */
    public static <T> List<T> oldestPerKey(List<T> oldestFirst, Function<T, OutboxEntry> entry) {
        Set<String> seen = new HashSet<>();
        List<T> round = new ArrayList<>();
        for (T item : oldestFirst) {
            OutboxEntry e = entry.apply(item);
            if (seen.add(e.topic() + '\u0000' + e.key())) {
                round.add(item);
            }
        }
        return round;
    }
}
