package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.devstack.JvmSettings;
import io.skillwise.devstack.StackLayout;
import io.skillwise.devstack.StackPorts;
import io.skillwise.testsupport.OtlpReceiver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole platform, started once per test JVM through devstack -- the same code as `./skillwise up` -- on ports
 * shifted by 1000 and a state folder under target/, so a platform a developer keeps running is left alone.
 * A shutdown hook stops it when the tests end. {@code -Dskillwise.systemtests.port-offset=N} picks another offset,
 * so two checkouts can run their system tests on one machine at the same time.
 * <p>
 * The services run with the developer JVM settings, except when benchmarks or the load test are on
 * ({@code -Dskillwise.benchmark=true}, {@code -Dskillwise.load=true}): then with a deployment's
 * ({@link JvmSettings#PRODUCTION}), so figures are what users would get.
 * {@code -Dskillwise.jvm=local|production} chooses explicitly.
 * <p>
 * Every service and the gateway export their spans over OTLP to {@link #traces()}, a receiver in this JVM, as they
 * would to a collector in production; it keeps only the spans of the traces a test {@linkplain OtlpReceiver#watch
 * watches}. The gateway samples at its default ratio, so a test that wants its request traced sends a sampled
 * {@code traceparent}, whose decision the gateway keeps.
 */
final class RunningPlatform {

    static final int PORT_OFFSET = Integer.getInteger("skillwise.systemtests.port-offset", 1000);
    static final boolean BENCHMARKS = Boolean.getBoolean("skillwise.benchmark");
    /** The load test ({@code -Dskillwise.load=true}, {@code MixedWorkloadLoadIT}) measures what users would get too. */
    static final boolean LOAD = Boolean.getBoolean("skillwise.load");
    static final JvmSettings JVM = JvmSettings.named(
            System.getProperty("skillwise.jvm", BENCHMARKS || LOAD ? "production" : "local"));
    /**
     * Instances of every service and of the gateway ({@code -Dskillwise.systemtests.replicas=2}: what
     * {@code TwoOfEverythingIT} needs; every other test runs the same on two instances).
     */
    static final int REPLICAS = Integer.getInteger("skillwise.systemtests.replicas", 1);
    /**
     * Every request of the system tests comes from 127.0.0.1, so the per-address limits meant for real clients are
     * raised; the gateway's own tests prove the limits.
     */
    private static final Map<String, String> TEST_OVERRIDES = Map.of(
            "SKILLWISE_GATEWAY_RATE_LIMIT_ANONYMOUS_CAPACITY", "1000000",
            "SKILLWISE_GATEWAY_RATE_LIMIT_USER_CAPACITY", "1000000",
            "SKILLWISE_GATEWAY_RATE_LIMIT_AUTH_CAPACITY", "100000",
            "SKILLWISE_GATEWAY_RATE_LIMIT_COUPON_CAPACITY", "100000");
    /** Exported spans leave every process in small, quick batches, so a test finds its trace within seconds. */
    private static final String SPAN_EXPORT_DELAY = "200ms";
    private static final OtlpReceiver TRACES = OtlpReceiver.keepingWatchedTraces();
    private static DevStack stack;
    private static long startMillis;

    private RunningPlatform() {
    }

    static synchronized DevStack get() {
        if (stack == null) {
            Path home = StackLayout.locateHome();
            Path state = home.resolve("system-tests/target/devstack-state");
            int strays = DevStack.stopStrays(state);
            if (strays > 0) {
                System.out.println("[platform] stopped " + strays + " process(es) left by an earlier run");
            }
            try {
                DevStack.wipe(state);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            DevStack starting = new DevStack(new StackLayout(home, state, StackLayout.currentJavaHome()),
                    StackPorts.defaults().shiftedBy(PORT_OFFSET), environment(), JVM, REPLICAS);
            System.out.println("[platform] " + JVM.name().toLowerCase(java.util.Locale.ROOT) + " JVM settings, "
                    + REPLICAS + " instance(s) of every service and the gateway");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                starting.close();
                TRACES.close();
            }, "platform-shutdown"));
            long begin = System.nanoTime();
            try {
                starting.start(new DevStack.StartListener() {
                    @Override
                    public void starting(String component) {
                    }

                    @Override
                    public void ready(String component, long millis) {
                        System.out.printf("[platform] %-13s ready in %5.1f s%n", component, millis / 1000.0);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            startMillis = (System.nanoTime() - begin) / 1_000_000;
            System.out.printf("[platform] ready in %.1f s%n", startMillis / 1000.0);
            stack = starting;
        }
        return stack;
    }

    private static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(TEST_OVERRIDES);
        environment.put("MANAGEMENT_TRACING_EXPORT_OTLP_ENABLED", "true");
        environment.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", TRACES.tracesEndpoint());
        environment.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", SPAN_EXPORT_DELAY);
        return environment;
    }

    /** Where the platform's spans arrive. */
    static OtlpReceiver traces() {
        return TRACES;
    }

    static synchronized void stop() {
        if (stack != null) {
            long begin = System.nanoTime();
            stack.close();
            System.out.printf("[platform] stopped in %.1f s%n", (System.nanoTime() - begin) / 1e9);
            stack = null;
        }
    }

    static long startMillis() {
        return startMillis;
    }
}
