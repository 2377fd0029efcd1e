package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.devstack.PlatformService;
import io.skillwise.devstack.process.ServiceProcess;
import io.skillwise.systemtests.AlternatingRounds.Target;
import io.skillwise.systemtests.AlternatingRounds.Totals;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.BenchmarkReport;
import io.skillwise.testsupport.OtlpReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the gateway costs per request: the anonymous, cached course listing (20 courses, about 10 KB) sent by one load
 * generator over 16 keep-alive connections, in one run, alternating between catalog-service called directly, nginx
 * as a plain reverse proxy in front of it (when nginx is installed) and the gateway in front of it. The gateway runs
 * three times beside the platform's own, at tracing ratios 0, the default and 1.0, each exporting its spans over OTLP
 * to a receiver in this JVM, so the cost of tracing is measured in the same conditions. CPU per request is the
 * process's CPU time (user and system, as the kernel counts it) over a round divided by the requests it served.
 * <p>
 * Run with the production JVM settings (the platform is started so when benchmarks are on):
 * {@code ./mvnw -pl system-tests verify -Dit.test=GatewayOverheadBenchmarkIT -Dskillwise.benchmark=true}.
 * Asserts only that every call succeeded and that tracing exported what its ratio says; timings are figures.
 */
@EnabledIfSystemProperty(named = "skillwise.benchmark", matches = "true")
class GatewayOverheadBenchmarkIT {

    static final String PATH = "/api/v1/courses?page=0&size=20&sort=newest";
    private static final int COURSES = 20;
    private static final int CONNECTIONS = 16;
    /**
     * Warm-up in slices until C2 has compiled the hot paths: at least this many requests (a fresh gateway served
     * about 100,000 before its throughput settled; on a busy machine that took two minutes), then until a slice is no
     * more than 3% faster than the best before it. Time alone is no measure on a shared machine.
     */
    private static final long MIN_WARM_UP_REQUESTS = 100_000;
    private static final Duration WARM_UP_SLICE = Duration.ofSeconds(5);
    private static final int MAX_WARM_UP_SLICES = 60;
    private static final Duration ROUND = Duration.ofSeconds(10);
    private static final int ROUNDS = 2;

    /** One gateway of the comparison and its tracing ratio ("default" when none is set). */
    private record TracedGateway(String name, String ratio, ServiceProcess process) {

        String label() {
            return "the gateway in front of it, tracing ratio " + ratio;
        }
    }

    @Test
    void gatewayCostPerRequestNextToDirectCallsAndNginx() throws Exception {
        double loadAtStart = BenchmarkReport.loadAverage();
        DevStack platform = RunningPlatform.get();
        ServiceProcess catalog = platform.service(PlatformService.CATALOG);
        int answerBytes = ensureListingOfTwentyCourses(platform);
        LoadGenerator load = LoadGenerator.forConnections(CONNECTIONS);

        try (OtlpReceiver collector = OtlpReceiver.counting()) {
            List<TracedGateway> gateways = startTracedGateways(platform, collector);
            Path nginxFolder = platform.layout().stateDir().resolve("benchmark-nginx");
            Optional<NginxReverseProxy> nginx = NginxReverseProxy.startIfInstalled(catalog.port(), nginxFolder);
            try {
                List<Target> targets = new ArrayList<>();
                targets.add(Target.direct("catalog-service directly", catalog.baseUrl() + PATH));
                nginx.ifPresent(proxy -> targets.add(new Target("nginx in front of it", proxy.baseUrl() + PATH,
                        "nginx", proxy::cpuTime)));
                for (TracedGateway gateway : gateways) {
                    targets.add(new Target(gateway.label(), gateway.process().baseUrl() + PATH, "gateway",
                            gateway.process()::cpuTime));
                }

                Map<Target, Totals> totals = AlternatingRounds.measure(load, targets, catalog::cpuTime,
                        new AlternatingRounds.WarmUp(MIN_WARM_UP_REQUESTS, WARM_UP_SLICE, MAX_WARM_UP_SLICES),
                        ROUNDS, ROUND);
                totals.forEach((target, sums) -> assertThat(sums.errors).as("failed calls: %s", target.label()).isZero());
                Map<String, OtlpReceiver.Received> exported = awaitExports(collector, gateways);
                String report = report(load, answerBytes, totals, gateways, exported, nginx.isPresent());
                System.out.println("[benchmark] gateway overhead\n" + report);
                BenchmarkReport.record("gateway-overhead", "Gateway overhead (system-tests, GatewayOverheadBenchmarkIT)",
                        report, loadAtStart);
            } finally {
                nginx.ifPresent(NginxReverseProxy::close);
                gateways.forEach(gateway -> gateway.process().stop());
            }
        }
    }

    /**
     * Publishes courses until the listing shows twenty (a fresh platform has none); answers the size of the answer.
     * Publishing evicts catalog's browsing cache, so the listing is current at once.
     */
    static int ensureListingOfTwentyCourses(DevStack platform) {
        ApiClient gateway = ApiClient.at(platform.gatewayUrl());
        int listed = gateway.get(PATH).assertStatus(200).items().size();
        if (listed < COURSES) {
            PlatformUsers.Session instructor = PlatformUsers.instructor(platform);
            String category = PublishedCourses.category(platform);
            for (int i = listed; i < COURSES; i++) {
                PublishedCourses.paid(platform, instructor, category, "Benchmark course number " + i
                        + ": a title as long as the ones instructors write", 1999 + i);
            }
        }
        ApiResponse answer = gateway.get(PATH).assertStatus(200);
        assertThat(answer.items()).hasSize(COURSES);
        return answer.raw().length;
    }

    /**
     * Three gateways like the platform's (same services, same settings) on ports of their own: tracing off (ratio 0),
     * at its default ratio (no setting given), and every request (1.0), each exporting to its own path of the receiver.
     */
    private static List<TracedGateway> startTracedGateways(DevStack platform, OtlpReceiver collector)
            throws Exception {
        Map<String, String> ratios = new LinkedHashMap<>();
        ratios.put("0", "0");
        ratios.put("default", null);
        ratios.put("1.0", "1.0");
        List<TracedGateway> gateways = new ArrayList<>();
        for (Map.Entry<String, String> ratio : ratios.entrySet()) {
            String name = "gateway-tracing-" + ratio.getKey().replace('.', '_');
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", collector.tracesEndpoint(name));
            // Boot's default batching, as in production (the system tests' platform exports faster, see RunningPlatform)
            environment.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "5s");
            if (ratio.getValue() != null) {
                environment.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", ratio.getValue());
            }
            gateways.add(new TracedGateway(name, ratio.getKey(), platform.gatewayVariant(name, freePort(), environment)));
        }
        try (ExecutorService starting = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture.allOf(gateways.stream().map(gateway -> CompletableFuture.runAsync(() -> {
                try {
                    gateway.process().start();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, starting)).toArray(CompletableFuture[]::new)).join();
        }
        return gateways;
    }

    /**
     * The exporter sends a batch every few seconds: waits until the traced gateways have delivered, then reads what
     * each one sent. Tracing at ratio 0 must send nothing.
     */
    private static Map<String, OtlpReceiver.Received> awaitExports(OtlpReceiver collector, List<TracedGateway> gateways) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (TracedGateway gateway : gateways) {
                if (!gateway.ratio().equals("0")) {
                    assertThat(collector.receivedFor(gateway.name()).exports())
                            .as("span exports of %s", gateway.name()).isPositive();
                }
            }
        });
        Map<String, OtlpReceiver.Received> exported = new LinkedHashMap<>();
        for (TracedGateway gateway : gateways) {
            exported.put(gateway.name(), collector.receivedFor(gateway.name()));
        }
        TracedGateway off = gateways.getFirst();
        assertThat(exported.get(off.name()).exports()).as("span exports with tracing ratio 0").isZero();
        return exported;
    }

    private static String report(LoadGenerator load, int answerBytes, Map<Target, Totals> totals,
                                 List<TracedGateway> gateways, Map<String, OtlpReceiver.Received> exported,
                                 boolean withNginx) {
        StringBuilder table = new StringBuilder();
        table.append("""
                Anonymous `GET %s` (cached by catalog-service in Redis, %,d bytes per answer), %s, every target \
                warmed up until its throughput stopped rising, then %d alternating %d-second rounds each (p50: mean of the rounds, p99: the worst \
                round). Services and gateways run with the production JVM settings (docs/benchmarks.md). The gateway's \
                default tracing ratio is the one docs/gateway.md gives. CPU per request: the process's CPU time over the rounds divided by the requests \
                it served. Budget: the gateway at most 0.25 ms CPU per request and at least 75%% of nginx's throughput.

                | path | requests | req/s | p50 ms | p99 ms | proxy CPU per request | catalog CPU per request |
                |---|---|---|---|---|---|---|
                """.formatted(PATH, answerBytes, load.description(), ROUNDS, ROUND.toSeconds()));
        Totals direct = null;
        Totals nginx = null;
        Map<String, Totals> gatewayTotals = new LinkedHashMap<>();
        for (Map.Entry<Target, Totals> entry : totals.entrySet()) {
            Target target = entry.getKey();
            Totals sums = entry.getValue();
            String proxyCpu = target.proxyName() == null ? "–"
                    : "%s %.3f ms".formatted(target.proxyName(), sums.proxyMillisPerRequest());
            table.append("| %s | %d | %.0f | %.1f | %.1f | %s | %.3f ms |%n".formatted(target.label(), sums.requests,
                    sums.throughput(), sums.p50Millis(), sums.p99Max, proxyCpu, sums.backendMillisPerRequest()));
            if (target.isDirect()) {
                direct = sums;
            } else if (target.proxyName().equals("nginx")) {
                nginx = sums;
            } else {
                gatewayTotals.put(target.label(), sums);
            }
        }
        Totals off = gatewayTotals.get(gateways.get(0).label());
        Totals standard = gatewayTotals.get(gateways.get(1).label());
        Totals all = gatewayTotals.get(gateways.get(2).label());
        table.append("\nWith tracing at its default ratio the gateway keeps **%.0f%%** of direct throughput".formatted(
                100 * standard.throughput() / direct.throughput()));
        if (withNginx) {
            table.append(" and reaches **%.0f%%** of nginx's (nginx keeps %.0f%% of direct)".formatted(
                    100 * standard.throughput() / nginx.throughput(), 100 * nginx.throughput() / direct.throughput()));
        } else {
            table.append(" (nginx is not installed: `apt-get install nginx` adds it to the comparison)");
        }
        table.append(", at **%.3f ms** CPU per request.%n".formatted(standard.proxyMillisPerRequest()));
        table.append("Tracing: CPU per request %.3f ms at ratio 0, %.3f ms at the default, %.3f ms at 1.0 "
                .formatted(off.proxyMillisPerRequest(), standard.proxyMillisPerRequest(), all.proxyMillisPerRequest()));
        table.append("(spans exported over OTLP: %s).".formatted(gateways.stream()
                .map(g -> "%s: %d batches, %,d bytes".formatted(g.ratio(), exported.get(g.name()).exports(),
                        exported.get(g.name()).bytes()))
                .reduce((a, b) -> a + "; " + b).orElse("")));
        return table.toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
