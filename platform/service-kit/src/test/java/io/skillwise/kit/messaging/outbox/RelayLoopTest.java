package io.skillwise.kit.messaging.outbox;

import io.skillwise.kit.messaging.OutboxProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RelayLoopTest {

    private final ScriptedRelay relay = new ScriptedRelay();
    private RelayLoop loop;

    @AfterEach
    void stop() {
        loop.stop();
    }

    @Test
    void aCommitWakesTheRelayWithoutWaitingForThePoll() {
        loop = start(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(relay.rounds.get()).as("rounds")
                .isEqualTo(1)); // the round at start

        loop.wake();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(relay.rounds.get()).as("rounds")
                .isEqualTo(2));
    }

    @Test
    void keepsRetryingWithGrowingPausesUntilKafkaIsBack() {
        for (int i = 0; i < 4; i++) {
            relay.script.add(RelayRound.failed(new IllegalStateException("broker away")));
        }
        relay.script.add(new RelayRound(3, false, false, null));
        loop = start(Duration.ofHours(1));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(relay.published.get()).as("published")
                .isEqualTo(3));
        assertThat(relay.rounds.get()).isEqualTo(5);
        // pauses of 20, 40, 80 and 160 ms before the round that succeeded
        assertThat(relay.lastRoundAt - relay.firstRoundAt).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
    }

    @Test
    void aFullBatchIsFollowedByTheNextRoundAtOnce() {
        relay.script.add(new RelayRound(200, true, false, null));
        relay.script.add(new RelayRound(200, true, false, null));
        relay.script.add(new RelayRound(17, false, false, null));
        loop = start(Duration.ofHours(1));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(relay.published.get()).as("published")
                .isEqualTo(417));
    }

    private RelayLoop start(Duration pollInterval) {
        OutboxProperties properties = new OutboxProperties(true, pollInterval, 200, Duration.ofSeconds(1),
                Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofHours(24), Duration.ofHours(1), 100,
                Duration.ofSeconds(15), "", DataSize.ofMegabytes(1), 5);
        RelayLoop started = new RelayLoop(relay, properties, () -> { });
        started.start();
        return started;
    }

    private static final class ScriptedRelay implements OutboxRelay {
        final Queue<RelayRound> script = new ConcurrentLinkedQueue<>();
        final AtomicInteger rounds = new AtomicInteger();
        final AtomicInteger published = new AtomicInteger();
        volatile long firstRoundAt;
        volatile long lastRoundAt;

        @Override
        public RelayRound publishPending() {
            long now = System.nanoTime();
            if (rounds.getAndIncrement() == 0) {
                firstRoundAt = now;
            }
            lastRoundAt = now;
            RelayRound round = script.poll();
            round = round == null ? RelayRound.idle() : round;
            published.addAndGet(round.published());
            return round;
        }

        @Override
        public String name() {
            return "scripted";
        }
    }
}
