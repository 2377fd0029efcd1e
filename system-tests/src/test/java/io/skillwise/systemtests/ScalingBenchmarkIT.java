package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.devstack.PlatformService;
import io.skillwise.devstack.process.ServiceProcess;
import io.skillwise.events.EventCatalog;
import io.skillwise.events.common.Money;
import io.skillwise.events.payment.CheckoutStarted;
import io.skillwise.events.payment.OrderLine;
import io.skillwise.testsupport.BenchmarkReport;
import io.skillwise.testsupport.TopicRecords;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The capacity model's assumption that throughput grows with instances (docs/capacity.md), checked locally: the same
 * load (16 keep-alive connections asking for the cached course listing) against one catalog-service instance, and
 * split over two (8 connections each, at the same time), alternating in one run, after both instances are warm.
 * The second instance is a replica like Kubernetes would add: same database, Redis and consumer groups. Prints and
 * records the throughput of each and their ratio; on a machine with fewer cores than two instances and the load
 * generator need, the ratio is bounded by the cores, not by the service.
 * <p>
 * The same for a consumer: a burst of events drained by analytics-service's projection group with one instance and
 * with two.
 * <p>
 * {@code ./mvnw -pl system-tests verify -Dit.test=ScalingBenchmarkIT -Dskillwise.benchmark=true}. Asserts only that
 * every call succeeded and every event was consumed; the figures are what it is for.
 */
@EnabledIfSystemProperty(named = "skillwise.benchmark", matches = "true")
class ScalingBenchmarkIT {

    private static final int CONNECTIONS = 16;
    /** Warm-up (LoadGenerator.warmUp): at least this many requests, then until throughput stops rising. */
    private static final long MIN_WARM_UP_REQUESTS = 50_000;
    private static final Duration WARM_UP_SLICE = Duration.ofSeconds(5);
    private static final int MAX_WARM_UP_SLICES = 40;
    private static final Duration ROUND = Duration.ofSeconds(10);
    private static final int ROUNDS = 3;
    /** analytics-service's consumer groups of its projection versions: {@code analytics-service-projections-v<N>}. */
    private static final String PROJECTION_GROUP_PREFIX = "analytics-service-projections-v";
    private static final int WARM_UP_EVENTS = 5_000;
    private static final int CONSUMED_EVENTS = 40_000;

    /** Sums of the measured rounds of one arrangement. */
    private static final class Totals {
        long requests;
        long errors;
        double throughputSum;
        int rounds;

        void add(long roundRequests, long roundErrors, double roundThroughput) {
            requests += roundRequests;
            errors += roundErrors;
            throughputSum += roundThroughput;
            rounds++;
        }

        double throughput() {
            return throughputSum / rounds;
        }
    }

    @Test
    void catalogThroughputWithOneInstanceAndWithTwo() throws Exception {
        double loadAtStart = BenchmarkReport.loadAverage();
        DevStack platform = RunningPlatform.get();
        GatewayOverheadBenchmarkIT.ensureListingOfTwentyCourses(platform);
        ServiceProcess first = platform.service(PlatformService.CATALOG);
        ServiceProcess second = platform.serviceVariant(PlatformService.CATALOG, "catalog-2",
                GatewayOverheadBenchmarkIT.freePort(), Map.of());
        second.start();
        try {
            String one = first.baseUrl() + GatewayOverheadBenchmarkIT.PATH;
            String two = second.baseUrl() + GatewayOverheadBenchmarkIT.PATH;
            LoadGenerator all = LoadGenerator.forConnections(CONNECTIONS);
            LoadGenerator half = LoadGenerator.forConnections(CONNECTIONS / 2);
            warmUp(all, one);
            warmUp(all, two);

            Totals single = new Totals();
            Totals pair = new Totals();
            for (int round = 0; round < ROUNDS; round++) {
                LoadGenerator.Result alone = all.run(one, ROUND);
                single.add(alone.requests(), alone.errors(), alone.throughput());
                CompletableFuture<LoadGenerator.Result> toFirst = CompletableFuture.supplyAsync(() -> run(half, one));
                CompletableFuture<LoadGenerator.Result> toSecond = CompletableFuture.supplyAsync(() -> run(half, two));
                LoadGenerator.Result a = toFirst.join();
                LoadGenerator.Result b = toSecond.join();
                pair.add(a.requests() + b.requests(), a.errors() + b.errors(), a.throughput() + b.throughput());
            }

            assertThat(single.errors).as("failed calls to one instance").isZero();
            assertThat(pair.errors).as("failed calls to two instances").isZero();
            String report = """
                    Anonymous `GET %s` (cached in Redis) by %s in all; after warming both instances \
                    up, %d alternating %d-second rounds of each arrangement (throughput: mean of the rounds). \
                    Services with the production JVM settings, on the machine's %d cores shared with the load \
                    generator, PostgreSQL, Kafka, Redis and the rest of the platform.

                    | catalog-service | requests | req/s |
                    |---|---|---|
                    | one instance, %d connections | %,d | %,.0f |
                    | two instances, %d connections each | %,d | %,.0f |

                    Two instances over one: **%.2f**.
                    """.formatted(GatewayOverheadBenchmarkIT.PATH, all.description(), ROUNDS,
                    ROUND.toSeconds(), Runtime.getRuntime().availableProcessors(), CONNECTIONS, single.requests,
                    single.throughput(), CONNECTIONS / 2, pair.requests, pair.throughput(),
                    pair.throughput() / single.throughput());
            System.out.println("[benchmark] scaling\n" + report);
            BenchmarkReport.record("scaling", "Scaling: one and two instances (system-tests, ScalingBenchmarkIT)",
                    report, loadAtStart);
        } finally {
            second.stop();
        }
    }

    /**
     * The consumer side: the same burst of events (checkouts, which analytics applies to its projections) drained by
     * analytics-service's projection consumer group with one instance, then with a second instance in the group (the
     * topic's partitions shared between them), timed from the first send until the group has committed every
     * record. One instance first, so the second's join cannot be mid-rebalance during the measured burst.
     */
    @Test
    void analyticsConsumerWithOneInstanceAndWithTwo() throws Exception {
        double loadAtStart = BenchmarkReport.loadAverage();
        DevStack platform = RunningPlatform.get();
        String bootstrap = platform.kafka().bootstrapServers();
        String topic = EventCatalog.of(CheckoutStarted.class).topic();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5,
                     ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                     ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            String group = projectionGroup(admin);
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            drain(admin, producer, group, topic, WARM_UP_EVENTS);
            Duration one = drain(admin, producer, group, topic, CONSUMED_EVENTS);

            ServiceProcess second = platform.serviceVariant(PlatformService.ANALYTICS, "analytics-2",
                    GatewayOverheadBenchmarkIT.freePort(), Map.of());
            second.start();
            try {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        assertThat(members(admin, group)).as("instances in %s", group).isEqualTo(2));
                drain(admin, producer, group, topic, WARM_UP_EVENTS);
                Duration two = drain(admin, producer, group, topic, CONSUMED_EVENTS);

                double perSecondOne = CONSUMED_EVENTS / (one.toNanos() / 1e9);
                double perSecondTwo = CONSUMED_EVENTS / (two.toNanos() / 1e9);
                String report = """
                        %,d `CheckoutStarted` events (one course each, keys spread over the %d partitions of `%s`), \
                        sent as fast as the producer goes and timed from the first send until analytics-service's \
                        projection group `%s` has committed them all; %,d events first to warm each arrangement up. \
                        Then a second analytics-service instance joins the group (as a second replica would) and the \
                        same burst is drained by both. Production JVM settings; everything on the machine's %d cores.

                        | analytics-service | seconds | events/s |
                        |---|---|---|
                        | one instance | %.1f | %,.0f |
                        | two instances in the group | %.1f | %,.0f |

                        Two instances over one: **%.2f**.
                        """.formatted(CONSUMED_EVENTS, partitions, topic, group, WARM_UP_EVENTS,
                        Runtime.getRuntime().availableProcessors(), one.toNanos() / 1e9, perSecondOne,
                        two.toNanos() / 1e9, perSecondTwo, perSecondTwo / perSecondOne);
                System.out.println("[benchmark] consumer scaling\n" + report);
                BenchmarkReport.record("scaling-consumer",
                        "Scaling a consumer: one and two analytics instances (system-tests, ScalingBenchmarkIT)",
                        report, loadAtStart);
            } finally {
                second.stop();
            }
        }
    }

    /** Sends {@code count} checkouts and waits until {@code group} has committed up to the end of the topic. */
    private static Duration drain(Admin admin, KafkaProducer<String, String> producer, String group, String topic,
                                  int count) throws Exception {
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            producer.send(TopicRecords.cloudEvent(checkout()));
        }
        producer.flush();
        Map<TopicPartition, Long> ends = endOffsets(admin, topic);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(() -> {
            Map<TopicPartition, Long> committed = committed(admin, group, ends.keySet());
            return ends.entrySet().stream()
                    .allMatch(end -> committed.getOrDefault(end.getKey(), 0L) >= end.getValue());
        });
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static CheckoutStarted checkout() {
        Money price = Money.of(2900, "USD");
        Money none = Money.of(0, "USD");
        OrderLine line = new OrderLine(UUID.randomUUID(), UUID.randomUUID(), "Scaling course", price, none, price,
                Money.of(870, "USD"));
        return new CheckoutStarted(UUID.randomUUID(), UUID.randomUUID(), List.of(line), null, price, none, null,
                null, null, Instant.now());
    }

    /** The projection group with members: the live version's (a rebuild's group would be a second one). */
    private static String projectionGroup(Admin admin) throws Exception {
        List<String> groups = admin.listConsumerGroups().all().get().stream()
                .map(ConsumerGroupListing::groupId).filter(id -> id.startsWith(PROJECTION_GROUP_PREFIX)).toList();
        Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groups).all().get();
        return described.values().stream().filter(group -> !group.members().isEmpty())
                .map(ConsumerGroupDescription::groupId).findFirst()
                .orElseThrow(() -> new AssertionError("no active analytics projection group among " + groups));
    }

    private static int members(Admin admin, String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().size();
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private static Map<TopicPartition, Long> committed(Admin admin, String group, Set<TopicPartition> partitions)
            throws Exception {
        Map<TopicPartition, Long> committed = new HashMap<>();
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().forEach((partition, offset) -> {
            if (partitions.contains(partition) && offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    private static LoadGenerator.Result run(LoadGenerator load, String url) {
        try {
            return load.run(url, ROUND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void warmUp(LoadGenerator load, String url) throws IOException, InterruptedException {
        long served = load.warmUp(url, MIN_WARM_UP_REQUESTS, WARM_UP_SLICE, MAX_WARM_UP_SLICES);
        System.out.printf("[benchmark] %s warmed up with %,d requests%n", url, served);
    }
}
