package io.skillwise.kit.messaging.outbox;

import io.skillwise.kit.messaging.OutboxEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class KeyOrderTest {

    @Test
    void aRoundTakesOnlyTheOldestPendingEventOfEachKey() {
        OutboxEntry a1 = entry("t", "a");
        OutboxEntry b1 = entry("t", "b");
        OutboxEntry a2 = entry("t", "a");
        OutboxEntry c1 = entry("t", "c");
        OutboxEntry b2 = entry("t", "b");

        assertThat(KeyOrder.oldestPerKey(List.of(a1, b1, a2, c1, b2), Function.identity())).containsExactly(a1, b1, c1);
    }

    @Test
    void theSameKeyOnAnotherTopicIsAnotherStream() {
        OutboxEntry order = entry("payment.order.v1", "42");
        OutboxEntry course = entry("catalog.course.v1", "42");

        assertThat(KeyOrder.oldestPerKey(List.of(order, course), Function.identity())).containsExactly(order, course);
    }

    private static OutboxEntry entry(String topic, String key) {
        return new OutboxEntry(UUID.randomUUID().toString(), topic, "io.skillwise.x.Y.v1", key, "{}", Instant.now(), null,
                Instant.now());
    }
}
