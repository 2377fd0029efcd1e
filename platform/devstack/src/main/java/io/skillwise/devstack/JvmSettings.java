package io.skillwise.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How devstack starts the JVMs of the services and the gateway.
 * <p>
 * {@link #LOCAL} is for developers: nine JVMs on a laptop, quick to start and small, at the price of peak speed
 * (C1-only code runs the same request several times slower once warm). {@link #PRODUCTION} is what a deployment
 * runs, so benchmarks measure what users would get: the one line of {@code deploy/jvm/production.env}, which the
 * Kubernetes manifests and images read too, given as {@code JAVA_TOOL_OPTIONS}, with the JVM told it has the memory
 * of a pod ({@value #POD_MEMORY}) instead of the whole machine's.
 */
public enum JvmSettings {

    /** Small heaps and a quick-starting JIT: nine JVMs within the 2-core, 90-second start budget. */
    LOCAL,

    /** Full JIT, G1, heap sized from a pod's memory limit: for benchmarks. */
    PRODUCTION;

    /** The environment file that holds the production settings, relative to the repository. */
    public static final String PRODUCTION_FILE = "deploy/jvm/production.env";

    /**
     * What a pod of the Kubernetes manifests is given; a JVM in a container reads its limit from the cgroup, here the
     * JVM is told ({@code -XX:MaxRAM}), so the production heap percentage yields a pod's heap, not 75% of the host.
     */
    public static final String POD_MEMORY = "1g";

    private static final String VARIABLE = "JAVA_TOOL_OPTIONS";

    /**
     * How long a service may take to become ready. Full JIT is slower to start: its C2 compiler threads compete with
     * eight other services starting at the same time; on a busy 2-core machine that took over ten minutes.
     */
    public Duration startTimeout() {
        return this == LOCAL ? Duration.ofSeconds(240) : Duration.ofMinutes(15);
    }

    /** Command-line options, before devstack's own (class-data sharing, the stack marker). */
    public List<String> commandLine() {
        return switch (this) {
            case LOCAL -> List.of("-Xms48m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k");
            case PRODUCTION -> List.of("-XX:MaxRAM=" + POD_MEMORY);
        };
    }

    /** Environment variables for the process: {@code JAVA_TOOL_OPTIONS} from the production file, or none. */
    public Map<String, String> environment(Path home) {
        return switch (this) {
            case LOCAL -> Map.of();
            case PRODUCTION -> Map.of(VARIABLE, productionOptions(home));
        };
    }

    /** The value of {@code JAVA_TOOL_OPTIONS} in {@value #PRODUCTION_FILE}. */
    public static String productionOptions(Path home) {
        Path file = home.resolve(PRODUCTION_FILE);
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                if (trimmed.startsWith(VARIABLE + "=")) {
                    return trimmed.substring(VARIABLE.length() + 1).strip();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the production JVM settings in " + file, e);
        }
        throw new IllegalStateException(file + " does not set " + VARIABLE);
    }

    /** {@code local} or {@code production}, as given to {@code -Dskillwise.jvm} or {@code --production-jvm}. */
    public static JvmSettings named(String name) {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "local" -> LOCAL;
            case "production" -> PRODUCTION;
            default -> throw new IllegalArgumentException("JVM settings are 'local' or 'production', not '" + name + "'");
        };
    }
}
