package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.devstack.PlatformService;
import io.skillwise.devstack.process.ServiceProcess;
import io.skillwise.testsupport.BenchmarkReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The capacity model's assumption that throughput grows with instances (docs/capacity.md), checked locally: the same
 * load (16 keep-alive connections asking for the cached course listing) against one catalog-service instance, and
 * split over two (8 connections each, at the same time), alternating in one run, after both instances are warm.
 * The second instance is a replica like Kubernetes would add: same database, Redis and consumer groups. Prints and
 * records the throughput of each and their ratio; on a machine with fewer cores than two instances and the load
 * generator need, the ratio is bounded by the cores, not by the service.
 * <p>
 * {@code ./mvnw -pl system-tests verify -Dit.test=ScalingBenchmarkIT -Dskillwise.benchmark=true}. Asserts only that
 * every call succeeded; the figures are what it is for.
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
