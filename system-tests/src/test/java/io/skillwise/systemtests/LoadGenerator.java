package io.skillwise.systemtests;

import io.skillwise.testsupport.Percentiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps a fixed number of HTTP/1.1 keep-alive connections busy with one GET for a while and reports what came back.
 * wrk (Debian package {@code wrk}) when it is installed: a C load generator costs the shared CPU far less than a Java
 * client, so more of the machine is left to what is measured. Otherwise a Java client on virtual threads.
 */
abstract sealed class LoadGenerator {

    /** One run: completed requests, failed ones (non-2xx or socket errors), how long it took, latency percentiles. */
    record Result(long requests, long errors, double seconds, double p50Millis, double p99Millis) {

        double throughput() {
            return requests / seconds;
        }
    }

    final int connections;

    LoadGenerator(int connections) {
        this.connections = connections;
    }

    /** wrk if it is on the machine, else the Java client. */
    static LoadGenerator forConnections(int connections) {
        return executable("wrk").<LoadGenerator>map(wrk -> new Wrk(wrk, connections))
                .orElseGet(() -> new JavaClient(connections));
    }

    /** An executable of that name on the PATH, or in the system folders a Debian package installs into. */
    static Optional<Path> executable(String name) {
        List<String> folders = new ArrayList<>(Arrays.asList(System.getenv().getOrDefault("PATH", "").split(":")));
        folders.addAll(List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin"));
        return folders.stream().filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    abstract Result run(String url, Duration duration) throws IOException, InterruptedException;

    /**
     * Runs slices until the JIT has compiled the hot paths of what answers {@code url}: at least {@code minRequests}
     * requests, then until a slice is no more than 3% faster than the best before it (time alone is no measure on a
     * shared machine), at most {@code maxSlices}; answers the requests served.
     */
    long warmUp(String url, long minRequests, Duration slice, int maxSlices) throws IOException, InterruptedException {
        double best = 0;
        long served = 0;
        for (int slices = 0; slices < maxSlices; slices++) {
            Result result = run(url, slice);
            served += result.requests();
            if (served >= minRequests && result.throughput() <= best * 1.03) {
                break;
            }
            best = Math.max(best, result.throughput());
        }
        return served;
    }

    /** For the report: which client produced the figures. */
    abstract String description();

    /** wrk with two threads, one per core of the build machine. */
    static final class Wrk extends LoadGenerator {

        /** wrk's summary as JSON, written by a Lua script wrk runs at the end (see the script). */
        record Summary(long requests, long durationMicros, long connectErrors, long readErrors, long writeErrors,
                       long statusErrors, long timeouts, long p50Micros, long p99Micros) {
        }

        private static final JsonMapper JSON = JsonMapper.builder().build();

        private final Path wrk;

        Wrk(Path wrk, int connections) {
            super(connections);
            this.wrk = wrk;
        }

        @Override
        String description() {
            return "wrk, 2 threads, " + connections + " connections";
        }

        @Override
        Result run(String url, Duration duration) throws IOException, InterruptedException {
            Path script = Files.createTempFile("wrk-summary", ".lua");
            try {
                try (InputStream lua = LoadGenerator.class.getResourceAsStream("/wrk-summary.lua")) {
                    Files.write(script, lua.readAllBytes());
                }
                Process process = new ProcessBuilder(wrk.toString(), "-t2", "-c" + connections,
                        "-d" + duration.toSeconds() + "s", "--timeout", "10s", "-s", script.toString(), url)
                        .redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new IllegalStateException("wrk failed on " + url + ":\n" + output);
                }
                return parse(output);
            } finally {
                Files.deleteIfExists(script);
            }
        }

        /** The figures of the JSON line the summary script writes last. */
        static Result parse(String output) {
            String json = output.lines().map(String::strip).filter(line -> line.startsWith("{"))
                    .reduce((first, second) -> second)
                    .orElseThrow(() -> new IllegalStateException("no summary in wrk's output:\n" + output));
            Summary summary = JSON.readValue(json, Summary.class);
            long errors = summary.connectErrors() + summary.readErrors() + summary.writeErrors()
                    + summary.statusErrors() + summary.timeouts();
            return new Result(summary.requests(), errors, summary.durationMicros() / 1e6, summary.p50Micros() / 1000.0,
                    summary.p99Micros() / 1000.0);
        }
    }

    /** One virtual thread per connection, each sending the next request when the previous answer is read. */
    static final class JavaClient extends LoadGenerator {

        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();

        JavaClient(int connections) {
            super(connections);
        }

        @Override
        String description() {
            return "Java HttpClient in the test JVM, " + connections + " concurrent requests (wrk is not installed)";
        }

        @Override
        Result run(String url, Duration duration) throws InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicLong errors = new AtomicLong();
            long begin = System.nanoTime();
            long end = begin + duration.toNanos();
            try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < connections; i++) {
                    workers.submit(() -> {
                        while (System.nanoTime() < end) {
                            long start = System.nanoTime();
                            try {
                                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                                if (response.statusCode() / 100 != 2) {
                                    errors.incrementAndGet();
                                }
                            } catch (IOException e) {
                                errors.incrementAndGet();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                            latencies.add(System.nanoTime() - start);
                        }
                    });
                }
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return new Result(sorted.size(), errors.get(), seconds, percentile(sorted, 50), percentile(sorted, 99));
        }

        private static double percentile(List<Long> sorted, int p) {
            return sorted.isEmpty() ? 0 : Percentiles.nearestRank(sorted, p) / 1e6;
        }
    }
}
