package io.skillwise.systemtests;

import io.gatling.app.Gatling$;
import io.skillwise.devstack.DevStack;
import io.skillwise.devstack.PlatformService;
import io.skillwise.devstack.StackLayout;
import io.skillwise.devstack.process.ServiceProcess;
import io.skillwise.systemtests.AlternatingRounds.Target;
import io.skillwise.systemtests.AlternatingRounds.Totals;
import io.skillwise.systemtests.PlatformUsers.Session;
import io.skillwise.systemtests.StepFigures.Endpoint;
import io.skillwise.systemtests.StepFigures.Enrollments;
import io.skillwise.systemtests.StepFigures.Part;
import io.skillwise.testsupport.BenchmarkReport;
import io.skillwise.testsupport.KafkaEndToEndLatency;
import io.skillwise.testsupport.Percentiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, "Load": the platform's capacity under a mixed workload, measured by Gatling (Java DSL, in this JVM)
 * through the gateway of the platform devstack starts with the production JVM settings. The workload
 * ({@link MixedWorkloadSimulation}): 80% browsing and search, anonymous and signed in; 15% learning progress; 5%
 * purchases paid by Stripe's signed webhook, the enrollment polled until readable. New users arrive at fixed rates
 * (open model), stepped up -- after a short warm-up -- until a step breaks a service-level objective:
 * <ul>
 *   <li>browsing: p99 under 100 ms over every browsing call of the step;</li>
 *   <li>purchase to enrollment (webhook 200 to the course's progress readable): p99 under 300 ms;</li>
 *   <li>no errors: every call answered as expected and every purchase enrolled.</li>
 * </ul>
 * The knee is the highest step that held all three. Per step and endpoint p50/p95/p99/max and errors are printed and
 * written to {@code target/gatling/mixed-workload/summary.md} beside Gatling's HTML report of each step. In the same
 * run, each budget's baseline: the gateway's throughput against catalog-service called directly
 * ({@link AlternatingRounds}, as {@code GatewayOverheadBenchmarkIT}), Kafka's own end-to-end latency on the
 * platform's broker against purchase to enrollment, the resident memory of every process the platform started
 * ({@link PlatformMemory}) after its start and after the load, and its start time.
 * <p>
 * About 12 minutes on 2 cores, so only with {@code -Dskillwise.load=true}:
 * {@code ./mvnw -pl system-tests verify -Dskillwise.load=true -Dit.test=MixedWorkloadLoadIT}. The steps and how long
 * each is held: {@code -Dskillwise.load.steps=5,10,20,40} and {@code -Dskillwise.load.step-seconds=45}. Timings are
 * figures; the test fails only if the lowest step has errors or a purchase that never enrolled.
 */
@EnabledIfSystemProperty(named = "skillwise.load", matches = "true",
        disabledReason = "a load test of about 12 minutes on the whole platform; -Dskillwise.load=true runs it "
                + "(docs/testing.md)")
class MixedWorkloadLoadIT {

    private static final List<Double> STEPS = Arrays.stream(
                    System.getProperty("skillwise.load.steps", "5,10,20,40,60,80,100,120").split(","))
            .map(String::strip).map(Double::valueOf).toList();
    private static final Duration HOLD = Duration.ofSeconds(Integer.getInteger("skillwise.load.step-seconds", 45));
    private static final Duration WARM_UP = Duration.ofSeconds(30);
    private static final double BROWSING_P99_MILLIS = 100;
    private static final double ENROLLMENT_P99_MILLIS = 300;
    private static final int COURSES = 40;
    private static final int LEARNERS = 8;
    private static final String KEYWORD = "kubernetes";
    private static final int GATEWAY_CONNECTIONS = 16;
    private static final Path RESULTS = StackLayout.locateHome().resolve("system-tests/target/gatling");
    private static final Path REPORTS = RESULTS.resolve("mixed-workload");

    /** One measured step and the machine's load average when it ended. */
    private record StepResult(int number, MixedWorkloadStep step, double loadAverage, Path report) {

        Endpoint browsing() {
            return step.figures().all(Part.BROWSING);
        }

        Enrollments enrollments() {
            return step.figures().enrollments();
        }

        boolean browsingHeld() {
            return browsing().calls() > 0 && browsing().p99() < BROWSING_P99_MILLIS;
        }

        boolean enrollmentHeld() {
            return enrollments().sortedNanos().isEmpty()
                    || Percentiles.nearestRank(enrollments().sortedNanos(), 99) / 1e6 < ENROLLMENT_P99_MILLIS;
        }

        long errors() {
            return step.figures().errors() + enrollments().neverSeen();
        }

        boolean held() {
            return browsingHeld() && enrollmentHeld() && errors() == 0;
        }

        String broken() {
            List<String> broken = new ArrayList<>();
            if (!browsingHeld()) {
                broken.add("browsing p99");
            }
            if (!enrollmentHeld()) {
                broken.add("purchase → enrollment p99");
            }
            if (errors() > 0) {
                broken.add("errors");
            }
            return broken.isEmpty() ? "all held" : "broke: " + String.join(", ", broken);
        }
    }

    @Test
    void mixedWorkloadSteppedUpUntilAnObjectiveBreaks() throws Exception {
        double loadAtStart = BenchmarkReport.loadAverage();
        DevStack platform = RunningPlatform.get();
        long startMillis = RunningPlatform.startMillis();
        PlatformMemory.Usage memoryAtStart = PlatformMemory.measure(platform.layout().stateDir());
        deleteRecursively(REPORTS);
        Files.createDirectories(REPORTS);

        Catalogue catalogue = Catalogue.publish(platform);
        Buyers buyers = new Buyers(platform, catalogue);
        List<Map<String, Object>> learners = buyers.enrollLearners(LEARNERS);

        buyers.ensurePurchases(MixedWorkloadStep.purchasesAt(STEPS.getFirst(), WARM_UP));
        MixedWorkloadStep warmUp = step("warm-up, " + rate(STEPS.getFirst()), platform, STEPS.getFirst(), WARM_UP,
                catalogue, buyers, learners);
        runGatling(warmUp, "00-warm-up");
        System.out.printf("[load] warm-up done: %d calls failed%n", warmUp.figures().errors());

        List<StepResult> results = new ArrayList<>();
        for (double usersPerSecond : STEPS) {
            buyers.ensurePurchases(MixedWorkloadStep.purchasesAt(usersPerSecond, HOLD));
            MixedWorkloadStep step = step(rate(usersPerSecond), platform, usersPerSecond, HOLD, catalogue, buyers,
                    learners);
            int number = results.size() + 1;
            Path report = runGatling(step, "%02d-%s-users-per-s".formatted(number, number(usersPerSecond)));
            StepResult result = new StepResult(number, step, BenchmarkReport.loadAverage(), report);
            results.add(result);
            System.out.printf("[load] %s: browsing p99 %d ms, purchase → enrollment p99 %.1f ms, %d errors: %s%n",
                    step.label(), result.browsing().p99(), result.enrollments().millis(99), result.errors(),
                    result.broken());
            if (!result.held()) {
                break;
            }
        }

        PlatformMemory.Usage memoryAfterLoad = PlatformMemory.measure(platform.layout().stateDir());
        long[] kafkaItself = KafkaEndToEndLatency.measure(platform.kafka().bootstrapServers(), 100, 1000, 1000);
        Map<Target, Totals> throughput = gatewayAgainstDirect(platform);
        double loadAtEnd = BenchmarkReport.loadAverage();

        String summary = summary(results, startMillis, memoryAtStart, memoryAfterLoad, kafkaItself, throughput,
                loadAtStart, loadAtEnd);
        String details = details(results);
        System.out.println("[load] mixed workload\n" + summary + "\n\n" + details);
        Files.writeString(REPORTS.resolve("summary.md"), summary + "\n\n" + details, StandardCharsets.UTF_8);
        BenchmarkReport.record("mixed-workload", "Mixed workload to the knee (system-tests, MixedWorkloadLoadIT)",
                summary, loadAtStart);
        BenchmarkReport.recordDetails("mixed-workload.md", "mixed-workload-endpoints",
                "Every endpoint of every step", details);

        StepResult lowest = results.getFirst();
        assertThat(lowest.errors()).as("errors at the lowest step, %s", lowest.step().label()).isZero();
        assertThat(lowest.enrollments().sortedNanos()).as("purchases enrolled at the lowest step").isNotEmpty();
        throughput.forEach((target, totals) -> assertThat(totals.errors).as("failed calls: %s", target.label())
                .isZero());
    }

    private static MixedWorkloadStep step(String label, DevStack platform, double usersPerSecond, Duration hold,
                                          Catalogue catalogue, Buyers buyers, List<Map<String, Object>> learners) {
        Map<UUID, String> tokens = buyers.freshTokens();
        List<Map<String, Object>> learning = learners.stream()
                .map(learner -> Map.<String, Object>of("token", tokens.get((UUID) learner.get("learnerId")),
                        "courseId", learner.get("courseId")))
                .toList();
        return new MixedWorkloadStep(label, platform.gatewayUrl(), usersPerSecond, hold, catalogue.courses(),
                catalogue.category(), KEYWORD, List.copyOf(tokens.values()), learning, buyers.purchases(tokens),
                new StepFigures());
    }

    /** Runs Gatling on the step in this JVM; keeps its HTML report under {@code target/gatling/mixed-workload}. */
    private static Path runGatling(MixedWorkloadStep step, String folder) throws IOException {
        MixedWorkloadStep.prepare(step);
        Set<Path> before = runFolders();
        int status = Gatling$.MODULE$.fromArgs(new String[]{
                "--simulation", MixedWorkloadSimulation.class.getName(),
                "--results-folder", RESULTS.toString(),
                "--run-description", "Mixed workload, " + step.label()});
        assertThat(status).as("Gatling's exit status for %s", step.label()).isZero();
        Path run = runFolders().stream().filter(candidate -> !before.contains(candidate)).findFirst()
                .orElseThrow(() -> new AssertionError("Gatling wrote no report for " + step.label()));
        return Files.move(run, REPORTS.resolve(folder));
    }

    private static Set<Path> runFolders() throws IOException {
        try (Stream<Path> folders = Files.list(RESULTS)) {
            return folders.filter(Files::isDirectory).filter(folder -> !folder.equals(REPORTS))
                    .collect(Collectors.toSet());
        }
    }

    /** The anonymous cached listing by wrk (or the Java client) on the gateway and on catalog-service directly. */
    private static Map<Target, Totals> gatewayAgainstDirect(DevStack platform) throws Exception {
        ServiceProcess catalog = platform.service(PlatformService.CATALOG);
        GatewayOverheadBenchmarkIT.ensureListingOfTwentyCourses(platform);
        String path = GatewayOverheadBenchmarkIT.PATH;
        List<Target> targets = List.of(
                Target.direct("catalog-service directly", catalog.baseUrl() + path),
                new Target("through the gateway", platform.gatewayUrl() + path, "gateway",
                        platform.gateway()::cpuTime));
        return AlternatingRounds.measure(LoadGenerator.forConnections(GATEWAY_CONNECTIONS), targets,
                catalog::cpuTime, new AlternatingRounds.WarmUp(20_000, Duration.ofSeconds(5), 12), 2,
                Duration.ofSeconds(10));
    }

    private static String summary(List<StepResult> results, long startMillis, PlatformMemory.Usage atStart,
                                  PlatformMemory.Usage afterLoad, long[] kafkaItself,
                                  Map<Target, Totals> throughput, double loadAtStart, double loadAtEnd) {
        StringBuilder text = new StringBuilder("""
                Gatling %s (Java DSL, in the test JVM) through the gateway of the platform started by devstack with \
                JVM settings `%s`. Open model: new users arrive at a fixed rate per step, %.0f%% anonymous and %.0f%% \
                signed-in visitors (newest courses, a category filtered by price, a search, a course page, its \
                reviews), %.0f%% enrolled learners (their progress, a heartbeat, a lesson completed, their \
                enrollments), %.0f%% buyers (checkout, Stripe's signed `checkout.session.completed`, the course's \
                progress polled every %d ms until readable). A %d-second warm-up, then steps of %d seconds each, \
                stopped at the first step that breaks an objective: browsing p99 under %.0f ms (all browsing calls \
                of the step), purchase → enrollment p99 under %.0f ms (webhook 200 → progress readable), no errors. \
                Load average %.1f at the start, %.1f at the end. Gatling's HTML report of each step: \
                `system-tests/target/gatling/mixed-workload/<step>/index.html`; every endpoint of every step: \
                [benchmarks/mixed-workload.md](benchmarks/mixed-workload.md).
                Run with `./mvnw -pl system-tests verify -Dskillwise.load=true -Dit.test=MixedWorkloadLoadIT` \
                (after `./mvnw -q install -DskipTests`).

                | step | calls | errors | browsing p50 / p95 / p99 ms | purchases | purchase → enrollment p50 / p95 / p99 ms | load average after | objectives |
                |---|---|---|---|---|---|---|---|
                """.formatted(gatlingVersion(), RunningPlatform.JVM.name().toLowerCase(Locale.ROOT),
                100 * MixedWorkloadStep.ANONYMOUS_BROWSING, 100 * MixedWorkloadStep.SIGNED_IN_BROWSING,
                100 * MixedWorkloadStep.LEARNING, 100 * MixedWorkloadStep.PURCHASES, 5, WARM_UP.toSeconds(),
                HOLD.toSeconds(), BROWSING_P99_MILLIS, ENROLLMENT_P99_MILLIS, loadAtStart, loadAtEnd));
        for (StepResult result : results) {
            Endpoint browsing = result.browsing();
            Enrollments enrollments = result.enrollments();
            long calls = result.step().figures().endpoints().stream().mapToLong(Endpoint::calls).sum();
            text.append("| %s | %,d | %d | %d / %d / %d | %d | %.1f / %.1f / %.1f | %.1f | %s |%n".formatted(
                    result.step().label(), calls, result.errors(), browsing.p50(), browsing.p95(), browsing.p99(),
                    enrollments.sortedNanos().size() + enrollments.neverSeen(), enrollments.millis(50),
                    enrollments.millis(95), enrollments.millis(99), result.loadAverage(), result.broken()));
        }
        List<StepResult> held = results.stream().takeWhile(StepResult::held).toList();
        StepResult last = results.getLast();
        if (held.isEmpty()) {
            text.append("\n**No knee**: the lowest step, %s, already %s.%n".formatted(last.step().label(),
                    last.broken()));
        } else if (held.size() == results.size()) {
            text.append("\n**Knee: at least %s** (every step held; none higher was tried).%n".formatted(
                    last.step().label()));
        } else {
            text.append("\n**Knee: %s**; %s %s.%n".formatted(held.getLast().step().label(), last.step().label(),
                    last.broken()));
        }

        StepResult knee = held.isEmpty() ? results.getFirst() : held.getLast();
        long[] kafka = kafkaItself.clone();
        Arrays.sort(kafka);
        Totals direct = throughput.values().stream().findFirst().orElseThrow();
        Totals gateway = throughput.values().stream().skip(1).findFirst().orElseThrow();
        text.append("""

                Baselines measured in the same run, after the steps:

                | budget | measured | baseline |
                |---|---|---|
                | gateway keeps at least 70%% of direct throughput (`GET %s`, %s, 2 alternating 10-second rounds) | \
                gateway %,.0f req/s, p99 %.1f ms: **%.0f%%** | catalog-service directly %,.0f req/s, p99 %.1f ms |
                | purchase → enrollment at the knee (%s), p50 / p99 | %.1f / %.1f ms | Kafka itself on the same broker \
                (1,000 messages of 1 KB, one at a time, `acks=all`): %.1f / %.1f ms |
                | platform start (stores, Kafka, Keycloak, services, gateway; devstack, empty state) | %.1f s | |
                | resident memory of the platform's %d processes after start (sum of `VmRSS`) | **%,d MB** (%s) | \
                the test JVM, which holds Kafka and the Mongo stand-in: %,d MB |
                | the same after the load (%d processes) | **%,d MB** | the test JVM, with Gatling: %,d MB |
                """.formatted(GatewayOverheadBenchmarkIT.PATH, LoadGenerator.forConnections(GATEWAY_CONNECTIONS)
                        .description(), gateway.throughput(), gateway.p99Max,
                100 * gateway.throughput() / direct.throughput(), direct.throughput(), direct.p99Max,
                knee.step().label(), knee.enrollments().millis(50), knee.enrollments().millis(99),
                Percentiles.nearestRank(kafka, 50) / 1e6, Percentiles.nearestRank(kafka, 99) / 1e6,
                startMillis / 1000.0, atStart.processes(), atStart.totalKilobytes() / 1024, perProcess(atStart),
                atStart.testJvmKilobytes() / 1024, afterLoad.processes(), afterLoad.totalKilobytes() / 1024,
                afterLoad.testJvmKilobytes() / 1024));
        return text.toString().strip();
    }

    private static String perProcess(PlatformMemory.Usage usage) {
        return usage.kilobytesByProcess().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .map(entry -> {
                    int count = usage.processCount().get(entry.getKey());
                    return "%s %,d%s".formatted(entry.getKey(), entry.getValue() / 1024,
                            count > 1 ? " in " + count : "");
                })
                .collect(Collectors.joining(", "));
    }

    private static String details(List<StepResult> results) {
        StringBuilder text = new StringBuilder("""
                Every endpoint of every step of the mixed workload (response times as Gatling measured them, in ms; \
                errors: an unexpected status, a failed check or no answer). See the section "Mixed workload to the \
                knee" of [benchmarks.md](../benchmarks.md) for how it runs.

                | step | part | endpoint | calls | errors | p50 | p95 | p99 | max |
                |---|---|---|---|---|---|---|---|---|
                """);
        for (StepResult result : results) {
            for (Endpoint endpoint : result.step().figures().endpoints()) {
                text.append("| %s | %s | %s | %,d | %d | %d | %d | %d | %d |%n".formatted(result.step().label(),
                        endpoint.part().name().toLowerCase(Locale.ROOT), endpoint.name(), endpoint.calls(),
                        endpoint.errors(), endpoint.p50(), endpoint.p95(), endpoint.p99(), endpoint.max()));
            }
        }
        return text.toString().strip();
    }

    private static String gatlingVersion() {
        String version = io.gatling.javaapi.core.Simulation.class.getPackage().getImplementationVersion();
        return version == null ? "" : version;
    }

    private static String rate(double usersPerSecond) {
        return number(usersPerSecond) + " users/s";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The courses the visitors browse and the buyers buy, and the one course the learners learn. */
    private record Catalogue(String category, List<UUID> courses, UUID learningCourse) {

        /** Published by one instructor, in a category of their own, each titled with the searched word. */
        static Catalogue publish(DevStack platform) {
            Session instructor = PlatformUsers.instructor(platform);
            String category = PublishedCourses.category(platform);
            List<UUID> courses = new ArrayList<>();
            for (int i = 0; i < COURSES; i++) {
                courses.add(PublishedCourses.paid(platform, instructor, category,
                        "Load course " + i + ": " + KEYWORD + " for teams that ship every day", 1999 + 50L * i));
            }
            UUID learning = PublishedCourses.paid(platform, instructor, category,
                    "Load course for learners: " + KEYWORD + " in practice", 2999);
            return new Catalogue(category, List.copyOf(courses), learning);
        }
    }

    /**
     * Verified students, signed up as they are needed: each can buy every course once, so every purchase of the
     * workload is a new one (a pair of a buyer and a course never bought before, handed out in order).
     */
    private static final class Buyers {

        private final DevStack platform;
        private final Catalogue catalogue;
        private final List<Session> students = new ArrayList<>();
        private final List<Map.Entry<Session, UUID>> pairs = new ArrayList<>();
        private int handedOut;

        Buyers(DevStack platform, Catalogue catalogue) {
            this.platform = platform;
            this.catalogue = catalogue;
        }

        /** Enough unbought pairs for {@code purchases} more, with a margin for Gatling's rounding. */
        void ensurePurchases(long purchases) {
            while (pairs.size() - handedOut < purchases * 6 / 5 + 5) {
                signUp();
            }
        }

        /** A new verified student, who can buy every course once. */
        private void signUp() {
            Session student = PlatformUsers.verifiedStudent(platform);
            students.add(student);
            catalogue.courses().forEach(course -> pairs.add(Map.entry(student, course)));
        }

        /**
         * The first {@code count} students (signed up now if needed) buy the learning course through the gateway
         * and Stripe's signed webhook; answers them as {@code learnerId}, {@code courseId}.
         */
        List<Map<String, Object>> enrollLearners(int count) {
            while (students.size() < count) {
                signUp();
            }
            List<Map<String, Object>> learners = new ArrayList<>();
            for (Session learner : students.subList(0, count)) {
                JsonNode order = LocalCheckout.create(learner, catalogue.learningCourse());
                String payload = SignedWebhooks.checkoutCompleted(UUID.fromString(order.path("orderId").asString()),
                        order.path("amount").path("amount").asLong(), "USD");
                SignedWebhooks.deliver(PlatformUsers.api(platform), payload).assertStatus(200);
                LocalCheckout.awaitEnrolled(learner, catalogue.learningCourse());
                learners.add(Map.of("learnerId", learner.id(), "courseId", catalogue.learningCourse()));
            }
            return learners;
        }

        /** Every student's access token, renewed if older than a minute: valid for the whole of a step. */
        Map<UUID, String> freshTokens() {
            Map<UUID, String> tokens = new ConcurrentHashMap<>();
            students.forEach(student -> tokens.put(student.id(), student.token()));
            return tokens;
        }

        /** The next unbought pairs, each with its buyer's token; fails the buyer if the pairs run out. */
        Iterator<Map<String, Object>> purchases(Map<UUID, String> tokens) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Map<String, Object> next() {
                    synchronized (Buyers.this) {
                        if (handedOut == pairs.size()) {
                            throw new NoSuchElementException("no unbought course left for the step's buyers");
                        }
                        Map.Entry<Session, UUID> pair = pairs.get(handedOut++);
                        return Map.of("token", tokens.get(pair.getKey().id()), "courseId", pair.getValue());
                    }
                }
            };
        }
    }
}
