package io.skillwise.kit.messaging;

import io.skillwise.kit.messaging.testapp.DeliveryProbe;
import io.skillwise.kit.messaging.testapp.MessagingTestApplication;
import io.skillwise.kit.messaging.testapp.MongoProfiles;
import io.skillwise.kit.messaging.testapp.Profiles;
import io.skillwise.testsupport.BenchmarkReport;
import io.skillwise.testsupport.KafkaEndToEndLatency;
import io.skillwise.testsupport.Percentiles;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Benchmark (not a pass/fail test on timings), run only with {@code -Dskillwise.benchmark=true}: commits
 * {@value #EVENTS} events at a steady {@value #PER_SECOND}/s, one transaction (or one Mongo document update) each, and
 * measures how long each takes from its commit to the moment a Kafka listener has it, for the JDBC and the Mongo
 * outbox, and from commit to Kafka's acknowledgement of the relay's send (JDBC). Next to them, in the same run and on
 * the same broker, Kafka's own end-to-end latency ({@link KafkaEndToEndLatency}). Prints p50/p95/p99/max and records
 * them in {@code docs/benchmarks.md}. Budget (issue 21): commit to consumer p50 under 5 ms, p99 under 20 ms.
 *
 * <p>{@code ./mvnw -pl platform/service-kit verify -Dit.test=OutboxLatencyBenchmarkIT -Dskillwise.benchmark=true}
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"skillwise.outbox.topic-suffix=.benchmark", "testapp.arrivals.enabled=true",
                "testapp.replicas.enabled=false"})
@WithInfrastructure(postgres = true, kafka = true, mongo = true, tokens = true)
@EnabledIfSystemProperty(named = "skillwise.benchmark", matches = "true")
@DirtiesContext
class OutboxLatencyBenchmarkIT {

    private static final int WARM_UP = 300;
    private static final int EVENTS = 2000;
    private static final int PER_SECOND = 200;

    @Autowired
    Profiles profiles;
    @Autowired
    MongoProfiles mongoProfiles;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DeliveryProbe probe;
    @Autowired
    JdbcClient jdbc;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    private final Map<UUID, Long> committedAt = new ConcurrentHashMap<>();

    @Test
    void commitToConsumerLatencyAtASteadyRate() throws Exception {
        double loadBefore = BenchmarkReport.loadAverage();
        long[] kafkaItself = KafkaEndToEndLatency.measure(kafka, WARM_UP, EVENTS, 600);

        awaitDelivered(commitAtSteadyRate(WARM_UP, this::commitJdbc));
        List<UUID> jdbcEvents = commitAtSteadyRate(EVENTS, this::commitJdbc);
        awaitDelivered(jdbcEvents);
        awaitDelivered(commitAtSteadyRate(WARM_UP, this::commitMongo));
        List<UUID> mongoEvents = commitAtSteadyRate(EVENTS, this::commitMongo);
        awaitDelivered(mongoEvents);

        long[] toBroker = jdbc.sql("""
                        select (extract(epoch from (published_at - recorded_at)) * 1000000000)::bigint
                        from outbox_event where event_key in (:keys)""")
                .param("keys", jdbcEvents.stream().map(UUID::toString).toList())
                .query(Long.class).list().stream().mapToLong(Long::longValue).sorted().toArray();
        assertThat(toBroker).hasSize(EVENTS);

        String rows = String.join("\n",
                line("commit → listener has it, JDBC outbox", arrivals(jdbcEvents)),
                line("commit → listener has it, Mongo outbox", arrivals(mongoEvents)),
                line("commit → Kafka ack (JDBC relay)", toBroker),
                line("Kafka itself: send → consumer has it (plain client, same broker)", kafkaItself));
        String body = """
                %d events per outbox committed at a steady %d/s (one transaction, or one Mongo document update, \
                each, after %d warm-up events) by the kit's test service on embedded PostgreSQL 17, the Mongo \
                stand-in and the in-JVM Kafka broker, published by the outbox relays; "listener has it" is when a \
                `@KafkaListener` (which only notes the time) receives the record. The last row is Kafka's own \
                end-to-end latency on the same broker in the same run (`KafkaEndToEndLatency`: one 600-byte message \
                at a time, `acks=all`). Budget (issue 21): commit → listener p50 under 5 ms, p99 under 20 ms with \
                Kafka healthy. Load average %.1f at the start.

                | measure (ms) | p50 | p95 | p99 | max |
                |---|---|---|---|---|
                %s

                Run with `./mvnw -pl platform/service-kit verify -Dit.test=OutboxLatencyBenchmarkIT -Dskillwise.benchmark=true`.
                """.formatted(EVENTS, PER_SECOND, WARM_UP, loadBefore, rows);
        System.out.println("[benchmark] commit to consumer\n" + rows);
        BenchmarkReport.record("outbox-latency", "Commit to consumer (service-kit, OutboxLatencyBenchmarkIT)", body,
                loadBefore);
    }

    private long[] arrivals(List<UUID> ids) {
        return ids.stream().mapToLong(id -> probe.firstArrival(id.toString()) - committedAt.get(id)).sorted().toArray();
    }

    private void commitJdbc(UUID id) {
        transactions.executeWithoutResult(status -> {
            profiles.rename(id, "benchmark", id);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committedAt.put(id, System.nanoTime());
                }
            });
        });
    }

    private void commitMongo(UUID id) {
        mongoProfiles.rename(id, "benchmark", id);
        committedAt.put(id, System.nanoTime());
    }

    /** Commits {@code count} renames, one each, from one thread at a fixed rate. */
    private List<UUID> commitAtSteadyRate(int count, Consumer<UUID> commit) throws InterruptedException {
        List<UUID> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(count);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        try {
            ScheduledFuture<?> schedule = clock.scheduleAtFixedRate(() -> {
                int index = next.getAndIncrement();
                if (index >= count) {
                    return;
                }
                commit.accept(ids.get(index));
                done.countDown();
            }, 0, 1_000_000 / PER_SECOND, TimeUnit.MICROSECONDS);
            assertThat(done.await(count / PER_SECOND + 60, TimeUnit.SECONDS)).isTrue();
            schedule.cancel(false);
        } finally {
            clock.shutdownNow();
        }
        return ids;
    }

    private void awaitDelivered(List<UUID> ids) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(ids).allSatisfy(id ->
                        assertThat(probe.firstArrival(id.toString())).as("arrival of " + id).isNotNull()));
    }

    private static String line(String measure, long[] sortedNanos) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |", measure,
                millis(percentile(sortedNanos, 50)), millis(percentile(sortedNanos, 95)),
                millis(percentile(sortedNanos, 99)), millis(sortedNanos[sortedNanos.length - 1]));
    }

    private static long percentile(long[] sorted, int p) {
        return Percentiles.nearestRank(sorted, p);
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
