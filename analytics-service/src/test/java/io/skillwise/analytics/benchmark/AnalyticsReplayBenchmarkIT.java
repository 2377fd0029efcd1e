package io.skillwise.analytics.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skillwise.analytics.projection.ProjectionTopics;
import io.skillwise.analytics.support.AnalyticsApiTest;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.BenchmarkReport;
import io.skillwise.testsupport.Percentiles;
import io.skillwise.testsupport.TopicRecords;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * How fast analytics replays a year of events into every projection, against a plain Kafka consumer reading the same
 * topics in the same run, and how fast the busy instructor's figures answer once that year is in. A generated history
 * ({@link MarketplaceYear}, {@code -Dskillwise.benchmark.analytics.events=}, default 1,000,000) is published to this
 * class's topics and applied by the active version; then
 * <ol>
 *     <li>a plain consumer reads every record of those topics from the beginning (the ceiling);</li>
 *     <li>an admin rebuilds every projection from the beginning of every topic; the rate is the records the new
 *     version applied (its {@code records}, as {@code GET /admin/analytics/projections} shows) between the first
 *     and the last time it was seen applying, over that time;</li>
 *     <li>the dashboard, the courses and a year's monthly sales report are asked for
 *     {@code -Dskillwise.benchmark.analytics.calls=} times each (default 2,000) over HTTP, one call at a time.</li>
 * </ol>
 * Prints the figures and records them in {@code docs/benchmarks.md} against the budget (20,000 events/s, 50 ms p99);
 * it asserts only that every event was applied and every call answered 200. Opt-in ({@code -Dskillwise.benchmark=true}):
 * {@code ./mvnw -pl analytics-service verify -Dit.test=AnalyticsReplayBenchmarkIT -Dskillwise.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "skillwise.benchmark", matches = "true")
@TestPropertySource(properties = "skillwise.analytics.projection.topic-suffix=.replay-benchmark")
class AnalyticsReplayBenchmarkIT extends AnalyticsApiTest {

    private static final long EVENTS = Long.getLong("skillwise.benchmark.analytics.events", 1_000_000);
    private static final int CALLS = Integer.getInteger("skillwise.benchmark.analytics.calls", 2_000);
    private static final int WARM_UP_CALLS = 200;
    private static final String ALL_COURSES = "/instructors/courses?size=" + MarketplaceYear.BUSY_INSTRUCTOR_COURSES;
    private static final int SEND_CHUNK = 20_000;
    private static final Duration REPLAY_PATIENCE = Duration.ofMinutes(30);

    @Autowired
    ProjectionTopics projectionTopics;

    @Test
    void aYearOfEventsIsReplayedAndTheBusyInstructorsFiguresAnswer() {
        double load = BenchmarkReport.loadAverage();
        Instant now = Instant.now();
        MarketplaceYear year = new MarketplaceYear(now, EVENTS);

        long publishStarted = System.nanoTime();
        publishYear(year);
        double publishSeconds = seconds(System.nanoTime() - publishStarted);
        await().atMost(REPLAY_PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(activeVersion().path("records").asLong()).as("records the live version applied")
                        .isGreaterThanOrEqualTo(EVENTS));
        double liveSeconds = seconds(System.nanoTime() - publishStarted);

        Rate ceiling = plainConsumerReadsEverything();
        Rate replay = rebuildFromTheBeginning();

        ApiClient asBusy = api.as(year.busyInstructor);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<String, Latency> latencies = new LinkedHashMap<>();
        latencies.put("GET /instructors/dashboard", latencyOf(asBusy, "/instructors/dashboard"));
        latencies.put("GET /instructors/courses?size=50 (all 50)", latencyOf(asBusy, ALL_COURSES));
        latencies.put("GET /instructors/reports/sales (a year by month)", latencyOf(asBusy,
                "/instructors/reports/sales?granularity=month&from=" + today.minusDays(365) + "&to=" + today));
        JsonNode courses = asBusy.get(ALL_COURSES).assertStatus(200).body();
        assertThat(courses.path("items").size()).as("the busy instructor's courses").isEqualTo(
                MarketplaceYear.BUSY_INSTRUCTOR_COURSES);

        record(load, publishSeconds, liveSeconds, ceiling, replay, latencies);
    }

    /** The year as the services' relays publish it, in chunks so a million records are never all in memory. */
    private void publishYear(MarketplaceYear year) {
        List<ProducerRecord<String, String>> chunk = new ArrayList<>(SEND_CHUNK);
        year.generate(EVENTS, event -> {
            chunk.add(onOurTopic(TopicRecords.cloudEvent(event)));
            if (chunk.size() == SEND_CHUNK) {
                topics.send(chunk);
                chunk.clear();
            }
        });
        topics.send(chunk);
    }

    /** The ceiling: a consumer that only reads, assigned every partition of the same topics, from the beginning. */
    private Rate plainConsumerReadsEverything() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.GROUP_ID_CONFIG, "replay-benchmark-ceiling-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            List<TopicPartition> partitions = new ArrayList<>();
            projectionTopics.names().forEach(topic -> consumer.partitionsFor(topic).forEach(info ->
                    partitions.add(new TopicPartition(topic, info.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            long first = 0;
            long last = 0;
            long bytes = 0;
            long giveUp = System.nanoTime() + REPLAY_PATIENCE.toNanos();
            while (read < EVENTS && System.nanoTime() < giveUp) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    if (read == 0) {
                        first = System.nanoTime();
                    }
                    for (var record : records) {
                        bytes += record.value().length();
                        read++;
                    }
                    last = System.nanoTime();
                }
            }
            assertThat(read).as("records the plain consumer read").isGreaterThanOrEqualTo(EVENTS);
            // the first poll's records were read before the clock started, as the projection's first batch is
            return new Rate(read, last - first, bytes);
        }
    }

    /** Starts a rebuild and watches the new version's applied records until it has applied every event. */
    private Rate rebuildFromTheBeginning() {
        int rebuilt = api.as(admin).post("/admin/analytics/projections/rebuild", null).assertStatus(202).body()
                .path("version").asInt();
        ApiClient asAdmin = api.as(admin);
        long[] first = {0, 0};
        long[] last = {0, 0};
        await().atMost(REPLAY_PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode version = asAdmin.get("/admin/analytics/projections").assertStatus(200).items().stream()
                    .filter(v -> v.path("version").asInt() == rebuilt).findFirst().orElseThrow();
            long applied = version.path("records").asLong();
            long seen = System.nanoTime();
            if (applied > 0 && first[1] == 0) {
                first[0] = applied;
                first[1] = seen;
            }
            if (applied > last[0]) {
                last[0] = applied;
                last[1] = seen;
            }
            assertThat(applied).as("records version " + rebuilt + " applied").isGreaterThanOrEqualTo(EVENTS);
        });
        return new Rate(last[0] - first[0], last[1] - first[1], 0);
    }

    private Latency latencyOf(ApiClient client, String path) {
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            client.get(path).assertStatus(200);
        }
        long[] nanos = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long started = System.nanoTime();
            ApiResponse response = client.get(path);
            nanos[i] = System.nanoTime() - started;
            response.assertStatus(200);
        }
        Arrays.sort(nanos);
        return new Latency(millis(nanos, 50), millis(nanos, 95), millis(nanos, 99), nanos[CALLS - 1] / 1e6);
    }

    private static double millis(long[] sorted, double percent) {
        return Percentiles.nearestRank(sorted, percent) / 1e6;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private void record(double load, double publishSeconds, double liveSeconds, Rate ceiling, Rate replay,
                        Map<String, Latency> latencies) {
        boolean replayMet = replay.perSecond() >= 20_000;
        StringBuilder body = new StringBuilder(String.format(Locale.ROOT, """
                `AnalyticsReplayBenchmarkIT` (`./mvnw -pl analytics-service verify -Dit.test=AnalyticsReplayBenchmarkIT \
                -Dskillwise.benchmark=true`, size with `-Dskillwise.benchmark.analytics.events=`): one analytics \
                instance in the test JVM (default JVM settings, full JIT; one consumer thread, batches of up to 2,000 \
                records) on the test infrastructure's embedded PostgreSQL and Kafka, all on the same machine. A generated year (fixed seed): 101 \
                instructors, one with 50 courses and a third of the orders, 100 with 3 courses; learners arriving \
                through the year; orders of one course or a two-course bundle, each with its checkout, purchase, \
                enrollments, lessons completed and course completions, 6%% refunded with their revocations, 4%% \
                declined; rating changes. Publishing took %.0f s; the live version had applied everything %.0f s \
                after publishing started. Then a plain consumer (read only, strings, `max.poll.records` 2,000) read \
                the same topics from the beginning, and an admin rebuild replayed them into every projection \
                (`records` of the new version from `GET /admin/analytics/projections`, polled every 200 ms, first to \
                last seen). Budget: 20,000 events/s replay, 50 ms p99.

                | reader | events | seconds | events/s |
                |---|---|---|---|
                | plain consumer (ceiling) | %,d | %.1f | %,.0f |
                | rebuild into every projection | %,d | %.1f | %,.0f |

                """, publishSeconds, liveSeconds, ceiling.records(), ceiling.seconds(), ceiling.perSecond(),
                replay.records(), replay.seconds(), replay.perSecond()));
        body.append(String.format(Locale.ROOT, "Replay budget (20,000 events/s) %s: %.0f%% of the plain consumer.%n%n",
                replayMet ? "met" : "NOT met", 100 * replay.perSecond() / ceiling.perSecond()));
        body.append(String.format(Locale.ROOT, "The busy instructor's figures, %,d calls each after %d to warm up, "
                + "one at a time over HTTP (the service directly, not through the gateway):%n%n", CALLS, WARM_UP_CALLS));
        body.append("| call | p50 ms | p95 ms | p99 ms | max ms | p99 budget (50 ms) |\n|---|---|---|---|---|---|\n");
        latencies.forEach((call, latency) -> body.append(String.format(Locale.ROOT,
                "| %s | %.1f | %.1f | %.1f | %.1f | %s |%n", call, latency.p50(), latency.p95(), latency.p99(),
                latency.max(), latency.p99() <= 50 ? "met" : "NOT met")));
        System.out.println("[benchmark] analytics replay and dashboard:\n" + body);
        BenchmarkReport.record("analytics-replay", "Analytics replay and dashboard latency (analytics-service, "
                + "AnalyticsReplayBenchmarkIT)", body.toString(), load);
    }

    private record Rate(long records, long nanos, long bytes) {

        double seconds() {
            return nanos / 1e9;
        }

        double perSecond() {
            return records / Math.max(1e-9, seconds());
        }
    }

    private record Latency(double p50, double p95, double p99, double max) {
    }
}
