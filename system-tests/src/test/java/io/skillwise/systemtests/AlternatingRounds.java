package io.skillwise.systemtests;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Throughput of several ways to reach the same answer, measured fairly on a shared machine: one load generator warms
 * each target up until the JIT has settled, then sends its rounds to the targets in turn, so a change in the machine's
 * load falls on all of them alike. Counts the CPU the proxy in front (if any) and the backend behind spent per request.
 */
final class AlternatingRounds {

    /** Where load is sent, and the proxy whose CPU is counted (none, and zero CPU, for direct calls). */
    record Target(String label, String url, String proxyName, Supplier<Duration> proxyCpu) {

        static Target direct(String label, String url) {
            return new Target(label, url, null, () -> Duration.ZERO);
        }

        boolean isDirect() {
            return proxyName == null;
        }
    }

    /** How long a target is warmed up: slices of load until its throughput stops rising ({@link LoadGenerator#warmUp}). */
    record WarmUp(long minRequests, Duration slice, int maxSlices) {
    }

    /** Sums of the measured rounds of one target. */
    static final class Totals {
        long requests;
        long errors;
        double seconds;
        double p50Sum;
        double p99Max;
        int rounds;
        Duration proxyCpu = Duration.ZERO;
        Duration backendCpu = Duration.ZERO;

        private void add(LoadGenerator.Result result, Duration proxy, Duration backend) {
            requests += result.requests();
            errors += result.errors();
            seconds += result.seconds();
            p50Sum += result.p50Millis();
            p99Max = Math.max(p99Max, result.p99Millis());
            rounds++;
            proxyCpu = proxyCpu.plus(proxy);
            backendCpu = backendCpu.plus(backend);
        }

        double throughput() {
            return requests / seconds;
        }

        double p50Millis() {
            return p50Sum / rounds;
        }

        double proxyMillisPerRequest() {
            return proxyCpu.toNanos() / 1e6 / requests;
        }

        double backendMillisPerRequest() {
            return backendCpu.toNanos() / 1e6 / requests;
        }
    }

    private AlternatingRounds() {
    }

    /** Warms every target up, then runs {@code rounds} rounds of {@code round} on each in turn; totals per target. */
    static Map<Target, Totals> measure(LoadGenerator load, List<Target> targets, Supplier<Duration> backendCpu,
                                       WarmUp warmUp, int rounds, Duration round)
            throws IOException, InterruptedException {
        for (Target target : targets) {
            long served = load.warmUp(target.url(), warmUp.minRequests(), warmUp.slice(), warmUp.maxSlices());
            System.out.printf("[benchmark] %s warmed up with %,d requests%n", target.label(), served);
        }
        Map<Target, Totals> totals = new LinkedHashMap<>();
        targets.forEach(target -> totals.put(target, new Totals()));
        for (int r = 0; r < rounds; r++) {
            for (Target target : targets) {
                Duration proxyBefore = target.proxyCpu().get();
                Duration backendBefore = backendCpu.get();
                LoadGenerator.Result result = load.run(target.url(), round);
                totals.get(target).add(result, target.proxyCpu().get().minus(proxyBefore),
                        backendCpu.get().minus(backendBefore));
            }
        }
        return totals;
    }
}
