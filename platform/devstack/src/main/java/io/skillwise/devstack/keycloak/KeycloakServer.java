package io.skillwise.devstack.keycloak;

import io.skillwise.devstack.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Keycloak from the official distribution zip, run with {@code kc.sh start-dev} on 127.0.0.1, realm
 * {@code skillwise} imported from {@code deploy/keycloak/}.
 *
 * <p>Layout under {@code stateDir}: {@code keycloak/keycloak-26.5.6/} (the unpacked distribution; its
 * {@code data/h2} holds the dev database, so users, sessions and keys survive a restart),
 * {@code keycloak/keycloak.pid}, and {@code logs/keycloak.log}. Deleting {@code stateDir} starts from empty.
 *
 * <p>The realm file is imported only when the realm does not exist yet (Keycloak's default
 * {@code IGNORE_EXISTING} strategy); when the realm file changed since the last import, Keycloak's database is dropped
 * first so that the edit applies (see {@code resetWhenTheRealmFileChanged}).
 */
public final class KeycloakServer implements Component {

    public static final String REALM = "skillwise";

    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);

    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);
    private static final int LOG_TAIL_LINES = 40;

    /**
     * Features switched off because nothing in SkillWise uses them; each one that is off is a little less
     * start-up work and attack surface. TOTP, client policies, token exchange and the account console stay
     * on; web-authn too, because the default passkeys feature depends on it (Keycloak refuses to start).
     */
    private static final String DISABLED_FEATURES = "kerberos,ciba,device-flow,impersonation,par";

    /** One client for every instance: it owns a selector thread, and health checks run often. */
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            // A developer's proxy settings must never be applied to a loopback call.
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();

    private final Path stateDir;
    private final int port;
    private final Path realmImportFile;
    private final Path javaHome;
    private final Path skillwiseHome;
    private volatile Duration startTimeout = DEFAULT_START_TIMEOUT;
    private volatile String heapOptions = "-Xms64m -Xmx512m";
    /**
     * C1 only: measured on 2 cores, a warm start takes 8-10 s instead of 13-18 s, and no C2 compiler threads
     * compete with the services starting beside Keycloak. The price is peak speed (a password grant ~140 ms
     * instead of ~60 ms once warm), which a local identity provider can afford.
     */
    private volatile String extraJvmOptions = "-XX:TieredStopAtLevel=1";

    private volatile Process process;
    /** Set by {@link #stop()}, which must not wait for a start in progress (Ctrl-C during a 3-minute start). */
    private volatile boolean stopRequested;
    private final Object stopLock = new Object();

    /**
     * @param stateDir        the platform's state folder; Keycloak uses {@code keycloak/} and {@code logs/} in it
     * @param port            HTTP port on 127.0.0.1; also fixes the token issuer to {@code http://127.0.0.1:<port>}
     * @param realmImportFile the realm export ({@code deploy/keycloak/skillwise-realm.json})
     * @param javaHome        the JDK that runs Keycloak (17 or later)
     */
    public KeycloakServer(Path stateDir, int port, Path realmImportFile, Path javaHome) {
        this(stateDir, port, realmImportFile, javaHome, null);
    }

    /**
     * @param skillwiseHome the repository root, where the build leaves the distribution zip; {@code null} reads
     *                      the system property {@code skillwise.home}, then falls back to the local Maven repository
     */
    public KeycloakServer(Path stateDir, int port, Path realmImportFile, Path javaHome, Path skillwiseHome) {
        this.stateDir = Objects.requireNonNull(stateDir, "stateDir").toAbsolutePath();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("invalid Keycloak port " + port);
        }
        this.port = port;
        this.realmImportFile = Objects.requireNonNull(realmImportFile, "realmImportFile").toAbsolutePath();
        this.javaHome = Objects.requireNonNull(javaHome, "javaHome").toAbsolutePath();
        this.skillwiseHome = skillwiseHome == null ? null : skillwiseHome.toAbsolutePath();
    }

    /** How long {@link #start()} waits for the realm to answer; 180 s by default (the first start builds). */
    public KeycloakServer startTimeout(Duration timeout) {
        this.startTimeout = Objects.requireNonNull(timeout);
        return this;
    }

    /** JVM heap options for Keycloak; {@code -Xms64m -Xmx512m} by default. */
    public KeycloakServer heapOptions(String options) {
        this.heapOptions = Objects.requireNonNull(options);
        return this;
    }

    /**
     * JVM options appended after Keycloak's own defaults; {@code -XX:TieredStopAtLevel=1} by default. Pass an
     * empty string for full JIT (e.g. when measuring Keycloak itself).
     */
    public KeycloakServer extraJvmOptions(String options) {
        this.extraJvmOptions = Objects.requireNonNull(options);
        return this;
    }

    @Override
    public String name() {
        return "keycloak";
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}: the admin console is here, bootstrap account admin/admin (dev only). */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The {@code iss} of every token of the realm; pinned by {@code --hostname}, whatever Host header a client sends. */
    public String issuerUri() {
        return baseUrl() + "/realms/" + REALM;
    }

    public Path installDir() {
        return stateDir.resolve("keycloak").resolve(KeycloakDistribution.DIR_NAME);
    }

    @Override
    public Path logFile() {
        return stateDir.resolve("logs").resolve("keycloak.log");
    }

    private Path pidFile() {
        return stateDir.resolve("keycloak").resolve("keycloak.pid");
    }

    private URI readinessUri() {
        return URI.create(issuerUri() + "/.well-known/openid-configuration");
    }

    @Override
    public synchronized void start() throws Exception {
        Process running = process;
        if (running != null && running.isAlive()) {
            return;
        }
        stopRequested = false;
        if (!Files.isRegularFile(realmImportFile)) {
            throw new IllegalStateException("Keycloak realm file not found: " + realmImportFile);
        }
        Path java = javaHome.resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            throw new IllegalStateException("no java executable at " + java + " (JDK for Keycloak)");
        }

        // A Keycloak left behind by a supervisor that was killed would hold the port and the H2 lock.
        stopProcesses(leftoverProcesses());
        ensurePortFree();

        long t0 = System.nanoTime();
        Path home = KeycloakDistribution.ensureUnpacked(stateDir.resolve("keycloak"), () -> {
            Path zip = KeycloakDistribution.locateZip(skillwiseHome);
            log.info("Unpacking {} into {}", zip.getFileName(), stateDir.resolve("keycloak"));
            return zip;
        });
        resetWhenTheRealmFileChanged(home);
        Path importDir = home.resolve("data").resolve("import");
        Files.createDirectories(importDir);
        Files.copy(realmImportFile, importDir.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);

        Path logFile = logFile();
        Files.createDirectories(logFile.getParent());

        ProcessBuilder builder = new ProcessBuilder(command(home))
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                // kc.sh hands its stdin to java; a pipe nobody writes to would be a needless open handle.
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        configureEnvironment(builder.environment());

        log.info("Starting Keycloak on {} (log: {})", baseUrl(), logFile);
        Process started = builder.start();
        process = started;
        writePidFile(List.of(started.pid()));
        try {
            if (stopRequested) {
                throw new IllegalStateException("Keycloak start cancelled by stop()");
            }
            awaitReady(started);
        } catch (Exception e) {
            stop();
            throw e;
        }
        // The java child exists by now; record it too so that `skillwise down` from another JVM finds it.
        List<Long> pids = new ArrayList<>();
        pids.add(started.pid());
        started.descendants().forEach(p -> pids.add(p.pid()));
        writePidFile(pids);
        log.info("Keycloak ready at {} in {} ms", issuerUri(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    /**
     * Keycloak imports the realm only when it does not exist yet, so an edited realm file (a new mapper, a new
     * client) would silently not apply to a state dir that already has the realm. When the file differs from the one
     * imported last time, Keycloak's database is dropped and the realm imported afresh; accounts held by Keycloak go
     * with it, which is why the log says so (the other stores keep their data: {@code ./skillwise up --fresh}
     * resets everything together).
     */
    private void resetWhenTheRealmFileChanged(Path home) throws IOException {
        Path imported = stateDir.resolve("keycloak").resolve("imported-realm.sha256");
        String current = sha256(realmImportFile);
        Path database = home.resolve("data").resolve("h2");
        boolean knownToMatch = Files.isRegularFile(imported) && Files.readString(imported).strip().equals(current);
        if (Files.isDirectory(database) && !knownToMatch) {
            log.warn("{} changed since Keycloak imported it: dropping Keycloak's database to import it again; "
                    + "users and sessions held by Keycloak are gone (run ./skillwise up --fresh if other stores "
                    + "still refer to them)", realmImportFile.getFileName());
            deleteTree(database);
        }
        Files.createDirectories(imported.getParent());
        Files.writeString(imported, current);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private List<String> command(Path home) {
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin").resolve("kc.sh").toString());
        cmd.add("start-dev");
        cmd.add("--http-port=" + port);
        cmd.add("--http-host=127.0.0.1");
        // Pins the issuer: without it the issuer follows the request's Host header, and a token fetched via
        // "localhost" would be rejected by services that expect "127.0.0.1".
        cmd.add("--hostname=" + baseUrl());
        cmd.add("--import-realm");
        cmd.add("--health-enabled=true");
        // Health on the main port: otherwise Keycloak opens a management port (9000 by default) that nobody
        // configured, on a port the supervisor does not check.
        cmd.add("--http-management-health-enabled=false");
        // start-dev defaults to a local cache already; pinned so that a cache setting in conf/keycloak.conf
        // can never turn on clustering (JGroups discovery delays the start and opens more ports).
        cmd.add("--cache=local");
        cmd.add("--features-disabled=" + DISABLED_FEATURES);
        cmd.add("--log-console-color=false");
        return cmd;
    }

    private void configureEnvironment(Map<String, String> env) {
        // The scripts read many variables from the environment (KC_* options, JAVA overriding JAVA_HOME,
        // DEBUG opening a debug port, JAVA_OPTS replacing all defaults): a developer's shell must not change
        // what devstack runs.
        env.keySet().removeIf(key -> key.startsWith("KC_") || key.startsWith("QUARKUS_") || key.startsWith("JAVA_")
                || key.equals("JAVA") || key.startsWith("DEBUG") || key.equals("JDK_JAVA_OPTIONS"));
        env.put("JAVA_HOME", javaHome.toString());
        // Creates the master-realm admin on the very first start only. Dev-only credentials: this console is
        // bound to 127.0.0.1 and its state is disposable.
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        // kc.sh puts this after its own G1/metaspace defaults, which stay in force (unlike JAVA_OPTS).
        env.put("JAVA_OPTS_KC_HEAP", heapOptions);
        StringBuilder append = new StringBuilder(extraJvmOptions.strip());
        if (javaFeatureVersion(javaHome) >= 24) {
            // Keycloak 26.5 (JBoss modules, Infinispan) reaches into java.lang and sun.misc.Unsafe; on JDK 24+
            // that ends in an IllegalAccessError at shutdown and in warnings on every start. Older JVMs refuse
            // these options, hence the version check.
            append.append(" --add-opens=java.base/java.lang=ALL-UNNAMED")
                    .append(" --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED");
        }
        if (!append.isEmpty()) {
            env.put("JAVA_OPTS_APPEND", append.toString().strip());
        }
    }

    private void awaitReady(Process started) throws Exception {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (stopRequested) {
                throw new IllegalStateException("Keycloak start cancelled by stop()");
            }
            if (!started.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + started.exitValue()
                        + " while starting; last lines of " + logFile() + ":\n" + logTail());
            }
            if (isHealthy()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Keycloak did not answer " + readinessUri() + " within "
                + startTimeout.toSeconds() + " s; last lines of " + logFile() + ":\n" + logTail());
    }

    /** The realm's discovery document answers 200: the server is up and the realm is imported. */
    @Override
    public boolean isHealthy() {
        HttpRequest request = HttpRequest.newBuilder(readinessUri())
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void stop() {
        stopRequested = true;
        synchronized (stopLock) {
            Process started = process;
            List<ProcessHandle> targets = new ArrayList<>();
            if (started != null) {
                // Collect the java child before signalling: once kc.sh is gone, the child is re-parented and
                // no longer among its descendants.
                targets.add(started.toHandle());
                started.descendants().forEach(targets::add);
            }
            targets.addAll(leftoverProcesses());
            stopProcesses(targets);
            process = null;
            try {
                Files.deleteIfExists(pidFile());
            } catch (IOException e) {
                log.warn("Could not delete {}: {}", pidFile(), e.toString());
            }
        }
    }

    /**
     * SIGTERM to kc.sh and to java: kc.sh traps TERM and forwards it, but if kc.sh already exec'ed java
     * (re-augmentation) or died, only the direct signal reaches java. Keycloak needs a few seconds to close
     * H2 and Infinispan cleanly; after {@link #STOP_GRACE} it is killed.
     */
    private static void stopProcesses(List<ProcessHandle> handles) {
        List<ProcessHandle> alive = handles.stream().distinct().filter(ProcessHandle::isAlive).toList();
        if (alive.isEmpty()) {
            return;
        }
        alive.forEach(ProcessHandle::destroy);
        if (!awaitExit(alive, STOP_GRACE)) {
            List<ProcessHandle> stubborn = alive.stream().filter(ProcessHandle::isAlive).toList();
            log.warn("Keycloak did not stop within {} s, killing {}", STOP_GRACE.toSeconds(),
                    stubborn.stream().map(p -> String.valueOf(p.pid())).collect(Collectors.joining(",")));
            stubborn.forEach(ProcessHandle::destroyForcibly);
            awaitExit(stubborn, KILL_GRACE);
        }
    }

    private static boolean awaitExit(List<ProcessHandle> handles, Duration timeout) {
        CompletableFuture<?>[] exits = handles.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return handles.stream().noneMatch(ProcessHandle::isAlive);
        } catch (Exception e) {
            return handles.stream().noneMatch(ProcessHandle::isAlive);
        }
    }

    /**
     * Processes named in the pid file that are still alive and still run this installation. The command-line
     * check keeps a recycled pid from ever pointing us at an unrelated process.
     */
    private List<ProcessHandle> leftoverProcesses() {
        Path pidFile = pidFile();
        if (!Files.isRegularFile(pidFile)) {
            return List.of();
        }
        String marker = installDir().toString();
        List<ProcessHandle> found = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(pidFile, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(line.trim()));
                if (handle.isPresent() && handle.get().isAlive()
                        && handle.get().info().commandLine().map(c -> c.contains(marker)).orElse(false)) {
                    found.add(handle.get());
                    handle.get().descendants().forEach(found::add);
                }
            }
        } catch (IOException | NumberFormatException e) {
            log.warn("Ignoring unreadable {}: {}", pidFile, e.toString());
        }
        return found;
    }

    private void writePidFile(List<Long> pids) throws IOException {
        Files.createDirectories(pidFile().getParent());
        Files.writeString(pidFile(), pids.stream().map(String::valueOf).collect(Collectors.joining("\n", "", "\n")));
    }

    private void ensurePortFree() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak cannot start: port " + port + " on 127.0.0.1 is already in use");
        }
    }

    /** The last lines of the log, read from its end so a large log costs nothing. */
    String logTail() {
        Path file = logFile();
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int window = (int) Math.min(length, 64 * 1024);
            byte[] bytes = new byte[window];
            raf.seek(length - window);
            raf.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }

    /**
     * The JDK's feature version (17, 21, 25...), from the {@code JAVA_VERSION} of its {@code release} file (every JDK
     * has one), read as properties and parsed by {@link Runtime.Version}; 0 when it cannot be read. It decides the
     * JDK 24+ flags, which older JVMs refuse as unrecognised options.
     */
    static int javaFeatureVersion(Path javaHome) {
        Path release = javaHome.resolve("release");
        try (Reader reader = Files.newBufferedReader(release, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            String quoted = properties.getProperty("JAVA_VERSION", "");
            String version = quoted.length() >= 2 && quoted.startsWith("\"") && quoted.endsWith("\"")
                    ? quoted.substring(1, quoted.length() - 1) : quoted;
            return Runtime.Version.parse(version).feature();
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Could not determine the Java version of {} from {}: {}", javaHome, release, e.toString());
            return 0;
        }
    }

    @Override
    public String toString() {
        return "KeycloakServer[" + baseUrl() + ", state " + stateDir + "]";
    }
}
