package io.skillwise.systemtests;

import io.skillwise.testsupport.Percentiles;
import java.io.IOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

        private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)");
        private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
        private static final Pattern SOCKET_ERRORS =
                Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
        private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s|m)\\s*$",
                Pattern.MULTILINE);

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
            Process process = new ProcessBuilder(wrk.toString(), "-t2", "-c" + connections,
                    "-d" + duration.toSeconds() + "s", "--timeout", "10s", "--latency", url)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk failed on " + url + ":\n" + output);
            }
            return parse(output);
        }

        static Result parse(String output) {
            Matcher requests = REQUESTS.matcher(output);
            if (!requests.find()) {
                throw new IllegalStateException("no request count in wrk's output:\n" + output);
            }
            long errors = 0;
            Matcher non2xx = NON_2XX.matcher(output);
            if (non2xx.find()) {
                errors += Long.parseLong(non2xx.group(1));
            }
            Matcher socket = SOCKET_ERRORS.matcher(output);
            if (socket.find()) {
                for (int group = 1; group <= 4; group++) {
                    errors += Long.parseLong(socket.group(group));
                }
            }
            double p50 = 0;
            double p99 = 0;
            Matcher percentile = PERCENTILE.matcher(output);
            while (percentile.find()) {
                double millis = millis(percentile.group(2), percentile.group(3));
                if (percentile.group(1).equals("50")) {
                    p50 = millis;
                } else {
                    p99 = millis;
                }
            }
            return new Result(Long.parseLong(requests.group(1)), errors,
                    millis(requests.group(2), requests.group(3)) / 1000, p50, p99);
        }

        private static double millis(String value, String unit) {
            double number = Double.parseDouble(value);
            return switch (unit) {
                case "us" -> number / 1000;
                case "ms" -> number;
                case "s" -> number * 1000;
                case "m" -> number * 60_000;
                default -> throw new IllegalArgumentException("unknown time unit " + unit);
            };
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
