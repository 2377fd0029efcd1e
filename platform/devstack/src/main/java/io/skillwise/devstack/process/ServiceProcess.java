package io.skillwise.devstack.process;

import io.skillwise.devstack.Component;
import io.skillwise.devstack.infra.Probes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spring Boot service (or the gateway) run from its jar as a process of its own, configured only through
 * environment variables, ready when its readiness probe says so.
 */
public final class ServiceProcess implements Component {

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path javaHome;
    private final Path logFile;
    private final Path pidFile;
    private final Duration startTimeout;
    private Process process;

    /** @param startTimeout how long {@link #start()} waits for the readiness probe */
    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, List<String> jvmOptions,
                          Path javaHome, Path logFile, Path pidFile, Duration startTimeout) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.javaHome = javaHome;
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.startTimeout = startTimeout;
    }

    @Override
    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** The environment the process starts with (devstack's configuration of it). */
    public Map<String, String> environment() {
        return environment;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": " + jar + " is missing; build it with ./mvnw -DskipTests package");
        }
        Files.createDirectories(logFile.getParent());
        Path app = extractedApp();
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        // Class data sharing: the first run writes an archive of the loaded classes at exit, later starts map it
        // and skip most class loading and verification (Spring Boot's recommended way to start faster).
        command.add("-XX:SharedArchiveFile=" + app.resolveSibling("app.jsa"));
        command.add("-XX:+AutoCreateSharedArchive");
        command.add("-Xlog:cds=off");
        command.add("-Xlog:cds+dynamic=off");
        command.add("-jar");
        command.add(app.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        if (pidFile != null) {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.UTF_8);
        }
        Process started = process;
        boolean ready = Probes.await(startTimeout, this::isHealthy, started::isAlive);
        if (!ready) {
            String why = started.isAlive() ? "not ready after " + startTimeout.toSeconds() + " s" : "exited with code " + started.exitValue();
            stop();
            throw new IllegalStateException(name + " failed to start (" + why + "); last lines of " + logFile + ":"
                    + System.lineSeparator() + LogTail.of(logFile, 40));
        }
    }

    private String java() {
        return javaHome.resolve("bin").resolve("java").toString();
    }

    /**
     * The jar unpacked with Boot's tools jar mode (plain jars beside a thin launcher jar), which class data sharing
     * needs. It lives next to the jar in target/, so it is redone exactly when the jar is rebuilt and survives
     * `--fresh`.
     */
    private Path extractedApp() throws IOException {
        Path dir = jar.resolveSibling("devstack-app");
        Path app = dir.resolve(jar.getFileName());
        Path marker = dir.resolve(".extracted-from");
        String stamp = Files.getLastModifiedTime(jar).toMillis() + ":" + Files.size(jar);
        if (Files.isRegularFile(app) && Files.isRegularFile(marker) && Files.readString(marker).equals(stamp)) {
            return app;
        }
        deleteRecursively(dir);
        Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        try {
            if (!extract.waitFor(120, TimeUnit.SECONDS) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                throw new IllegalStateException(name + ": could not unpack " + jar + "; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted while unpacking " + jar, e);
        }
        Files.writeString(marker, stamp, StandardCharsets.UTF_8);
        return app;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Kills the process without a graceful shutdown, as a crash would; for failure tests. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process, 10);
            process = null;
        }
    }

    @Override
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!waitFor(process, 20)) {
            process.destroyForcibly();
            waitFor(process, 10);
        }
        process = null;
        if (pidFile != null) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // a stale pid file is harmless: `down` checks the process before it signals it
            }
        }
    }

    private static boolean waitFor(Process process, int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * CPU time (user and system) the running process has used since it started, as the operating system counts it;
     * benchmarks divide the difference over a run by the requests it served.
     */
    public synchronized Duration cpuTime() {
        if (process == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.toHandle().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("the operating system does not report CPU time of " + name));
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public boolean isHealthy() {
        return Probes.httpStatus(baseUrl() + "/actuator/health/readiness") == 200;
    }

    @Override
    public Path logFile() {
        return logFile;
    }
}
