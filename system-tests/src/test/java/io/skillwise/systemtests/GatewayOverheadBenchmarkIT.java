package io.skillwise.systemtests;

import io.skillwise.testsupport.BenchmarkReport;

import io.skillwise.devstack.DevStack;
import io.skillwise.devstack.PlatformService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/architecture.md, section 8: the anonymous (cached) course listing through the gateway against the same call made directly
 * to catalog-service, same run, same client. Prints and records throughput and latency; asserts only that every
 * call succeeded — timings are figures, not pass/fail.
 */
class GatewayOverheadBenchmarkIT {

    private static final String PATH = "/api/v1/courses?page=0&size=20&sort=newest";
    private static final int CONCURRENCY = 16;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration MEASURE = Duration.ofSeconds(8);
    private static DevStack platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void gatewayThroughputComparedWithDirectCalls() throws Exception {
        String direct = platform.service(PlatformService.CATALOG).baseUrl() + PATH;
        String viaGateway = platform.gatewayUrl() + PATH;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();

        run(client, direct, WARM_UP);
        run(client, viaGateway, WARM_UP);
        Result directFirst = run(client, direct, MEASURE);
        Result gatewayFirst = run(client, viaGateway, MEASURE);
        Result directSecond = run(client, direct, MEASURE);
        Result gatewaySecond = run(client, viaGateway, MEASURE);
        Result directTotal = directFirst.plus(directSecond);
        Result gatewayTotal = gatewayFirst.plus(gatewaySecond);

        assertThat(directTotal.errors()).as("failed direct calls").isZero();
        assertThat(gatewayTotal.errors()).as("failed calls through the gateway").isZero();
        double ratio = gatewayTotal.throughput() / directTotal.throughput();
        String table = """
                Anonymous `GET %s` (cached by catalog-service in Redis), %d concurrent HTTP/1.1 clients in the test JVM on \
                the same machine, two alternating %d-second rounds each after a warm-up. Budget: through the gateway at \
                least 50%% of direct throughput.

                | path | requests | req/s | p50 ms | p99 ms |
                |---|---|---|---|---|
                | direct to catalog-service | %d | %.0f | %.1f | %.1f |
                | through the gateway | %d | %.0f | %.1f | %.1f |

                Gateway throughput = **%.0f%%** of direct.""".formatted(PATH, CONCURRENCY, MEASURE.toSeconds(),
                directTotal.count(), directTotal.throughput(), directTotal.percentile(50), directTotal.percentile(99),
                gatewayTotal.count(), gatewayTotal.throughput(), gatewayTotal.percentile(50), gatewayTotal.percentile(99),
                ratio * 100);
        System.out.println("[benchmark] gateway overhead\n" + table);
        BenchmarkReport.record("gateway-overhead", "Gateway overhead (system-tests, GatewayOverheadBenchmarkIT)", table);
    }

    private static Result run(HttpClient client, String url, Duration duration) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        long begin = System.nanoTime();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CONCURRENCY; i++) {
                workers.submit(() -> {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        try {
                            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        latencies.add(System.nanoTime() - start);
                    }
                });
            }
        }
        return new Result(new ArrayList<>(latencies), errors.get(), System.nanoTime() - begin);
    }

    private record Result(List<Long> latenciesNanos, int errors, long elapsedNanos) {

        int count() {
            return latenciesNanos.size();
        }

        double throughput() {
            return count() / (elapsedNanos / 1e9);
        }

        double percentile(int p) {
            List<Long> sorted = new ArrayList<>(latenciesNanos);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, index)) / 1e6;
        }

        Result plus(Result other) {
            List<Long> all = new ArrayList<>(latenciesNanos);
            all.addAll(other.latenciesNanos);
            return new Result(all, errors + other.errors, elapsedNanos + other.elapsedNanos);
        }
    }
}
