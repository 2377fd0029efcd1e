package io.skillwise.devstack;

import io.skillwise.devstack.infra.KafkaBroker;
import io.skillwise.devstack.infra.MailSink;
import io.skillwise.devstack.infra.MongoServer;
import io.skillwise.devstack.infra.PostgresServer;
import io.skillwise.devstack.infra.Probes;
import io.skillwise.devstack.infra.RedisServer;
import io.skillwise.devstack.keycloak.KeycloakServer;
import io.skillwise.devstack.process.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The whole local platform: embedded infrastructure in this JVM or as child processes, then every service and the
 * gateway as processes of their own. `./skillwise up` and the system tests both start it through this class, so
 * the tests run exactly what users run.
 */
public final class DevStack implements AutoCloseable {

    public static final String REALM = "skillwise";
    /** The webhook secret of the local payment provider: public, for the local platform and its tests only. */
    public static final String LOCAL_WEBHOOK_SECRET = "whsec_skillwise_local";
    private static final String VERSION = "0.1.0-SNAPSHOT";
    /** Instance n (from 2) of a service or the gateway listens on its first instance's port plus (n - 1) times this. */
    public static final int REPLICA_PORT_STEP = 500;

    private final StackLayout layout;
    private final Map<String, String> overrides;
    private final JvmSettings jvm;
    private final StackPorts ports;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final MongoServer mongo;
    private final RedisServer redis;
    private final MailSink mail;
    private final KeycloakServer keycloak;
    private final int replicas;
    private final Map<PlatformService, List<ServiceProcess>> services = new LinkedHashMap<>();
    private final List<ServiceProcess> gateways = new ArrayList<>();
    private final List<Component> started = Collections.synchronizedList(new ArrayList<>());

    public DevStack(StackLayout layout, StackPorts ports) {
        this(layout, ports, Map.of());
    }

    /**
     * @param overrides environment variables given to every service and the gateway after devstack's own, e.g. the
     *                  system tests' higher rate limits (all their traffic comes from one address)
     */
    public DevStack(StackLayout layout, StackPorts ports, Map<String, String> overrides) {
        this(layout, ports, overrides, JvmSettings.LOCAL);
    }

    /**
     * @param overrides environment variables given to every service and the gateway after devstack's own
     * @param jvm       how their JVMs run: {@link JvmSettings#LOCAL} for developers, {@link JvmSettings#PRODUCTION}
     *                  for benchmarks
     */
    public DevStack(StackLayout layout, StackPorts ports, Map<String, String> overrides, JvmSettings jvm) {
        this(layout, ports, overrides, jvm, 1);
    }

    /**
     * @param overrides environment variables given to every service and the gateway after devstack's own
     * @param jvm       how their JVMs run
     * @param replicas  instances of every service and of the gateway (1 or more): instance n listens on the first
     *                  one's port plus (n - 1) x {@value #REPLICA_PORT_STEP}, shares its store and consumer groups,
     *                  and every gateway spreads a service's requests over all of its instances
     */
    public DevStack(StackLayout layout, StackPorts ports, Map<String, String> overrides, JvmSettings jvm,
                    int replicas) {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, not " + replicas);
        }
        this.replicas = replicas;
        this.overrides = Map.copyOf(overrides);
        this.jvm = jvm;
        this.layout = layout;
        this.ports = ports;
        List<String> databases = Arrays.stream(PlatformService.values())
                .filter(s -> s.store() == PlatformService.Store.POSTGRES).map(PlatformService::shortName).toList();
        this.postgres = new PostgresServer(ports.postgres(), layout.data("postgres"), layout.logFile("postgres"), databases);
        this.kafka = new KafkaBroker(ports.kafka(), ports.kafkaController(), layout.data("kafka"));
        this.mongo = new MongoServer(ports.mongo(), layout.data("mongo").resolve("skillwise.mv"));
        this.redis = new RedisServer(ports.redis(), layout.data("redis"));
        this.mail = new MailSink(ports.smtp(), ports.mailApi());
        this.keycloak = new KeycloakServer(layout.stateDir(), ports.keycloak(),
                layout.home().resolve("deploy/keycloak/skillwise-realm.json"), layout.javaHome(), layout.home());
        if (jvm == JvmSettings.PRODUCTION) {
            // Keycloak keeps its own quick-start flags, but boots beside eight services compiling with C2.
            keycloak.startTimeout(jvm.startTimeout());
        }
        for (PlatformService service : PlatformService.values()) {
            List<ServiceProcess> instances = new ArrayList<>();
            for (int n = 1; n <= replicas; n++) {
                int port = replicaPort(service.port(ports), n);
                Map<String, String> env = withOverrides(serviceEnvironment(service));
                env.put("SERVER_PORT", Integer.toString(port));
                instances.add(serviceProcess(replicaName(service.shortName(), n), service.module(), port, env));
            }
            services.put(service, List.copyOf(instances));
        }
        for (int n = 1; n <= replicas; n++) {
            int port = replicaPort(ports.gateway(), n);
            Map<String, String> env = withOverrides(gatewayEnvironment());
            env.put("SERVER_PORT", Integer.toString(port));
            gateways.add(serviceProcess(replicaName("gateway", n), "gateway", port, env));
        }
    }

    private static int replicaPort(int firstPort, int n) {
        return firstPort + (n - 1) * REPLICA_PORT_STEP;
    }

    /** The first instance keeps the plain name (its logs, `skillwise logs catalog`); the others are name-n. */
    private static String replicaName(String name, int n) {
        return n == 1 ? name : name + "-" + n;
    }

    private ServiceProcess serviceProcess(String name, String module, int port, Map<String, String> environment) {
        Path jar = layout.home().resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
        Map<String, String> withJvm = new LinkedHashMap<>(jvm.environment(layout.home()));
        withJvm.putAll(environment);
        return new ServiceProcess(name, jar, port, withJvm, jvmOptions(), layout.javaHome(),
                layout.logFile(name), layout.pids().resolve(name + ".pid"), jvm.startTimeout());
    }

    /** The JVM settings, then the marker property that lets `skillwise down` find strays of this stack after a crash. */
    private List<String> jvmOptions() {
        List<String> options = new ArrayList<>(jvm.commandLine());
        options.add("-Dskillwise.stack=" + layout.stateDir());
        return options;
    }

    private Map<String, String> commonEnvironment(int port) {
        Map<String, String> env = new LinkedHashMap<>();
        String issuer = keycloakUrl() + "/realms/" + REALM;
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("SPRING_DATA_REDIS_HOST", "127.0.0.1");
        env.put("SPRING_DATA_REDIS_PORT", Integer.toString(ports.redis()));
        env.put("SPRING_MAIL_HOST", "127.0.0.1");
        env.put("SPRING_MAIL_PORT", Integer.toString(ports.smtp()));
        env.put("SKILLWISE_SECURITY_ISSUER", issuer);
        env.put("SKILLWISE_SECURITY_JWK_SET_URI", issuer + "/protocol/openid-connect/certs");
        env.put("SKILLWISE_KEYCLOAK_URL", keycloakUrl());
        env.put("SKILLWISE_GATEWAY_URL", gatewayUrl());
        for (PlatformService other : PlatformService.values()) {
            env.put("SKILLWISE_SERVICES_" + other.name() + "_URL", "http://127.0.0.1:" + other.port(ports));
        }
        return env;
    }

    private Map<String, String> withOverrides(Map<String, String> env) {
        env.putAll(overrides);
        return env;
    }

    private Map<String, String> serviceEnvironment(PlatformService service) {
        Map<String, String> env = commonEnvironment(service.port(ports));
        if (service.store() == PlatformService.Store.POSTGRES) {
            env.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl(service.shortName()));
            env.put("SPRING_DATASOURCE_USERNAME", PostgresServer.USER);
            env.put("SPRING_DATASOURCE_PASSWORD", "");
        } else {
            env.put("SPRING_MONGODB_URI", mongo.uri(service.shortName()));
        }
        if (service == PlatformService.PAYMENT) {
            // Never a fallback: the local provider is chosen explicitly, with the public development webhook secret
            // it signs its events with (both refused by the production profile).
            env.put("SKILLWISE_PAYMENT_PROVIDER", "local");
            env.put("STRIPE_WEBHOOK_SECRET", LOCAL_WEBHOOK_SECRET);
        }
        return env;
    }

    private Map<String, String> gatewayEnvironment() {
        Map<String, String> env = commonEnvironment(ports.gateway());
        String issuer = keycloakUrl() + "/realms/" + REALM;
        env.put("SKILLWISE_GATEWAY_SECURITY_ISSUER", issuer);
        env.put("SKILLWISE_GATEWAY_SECURITY_JWK_SET_URI", issuer + "/protocol/openid-connect/certs");
        for (PlatformService service : PlatformService.values()) {
            List<String> instances = new ArrayList<>();
            for (int n = 1; n <= replicas; n++) {
                instances.add("http://127.0.0.1:" + replicaPort(service.port(ports), n));
            }
            // one URL, or the list of every instance, which the gateway load-balances over
            env.put("SKILLWISE_GATEWAY_SERVICES_" + service.name(), String.join(",", instances));
        }
        return env;
    }

    /**
     * One more gateway in front of this stack's services, configured like {@link #gateway()} plus {@code environment}
     * (e.g. other tracing settings, to compare), on its own port and log; the caller starts and stops it.
     */
    public ServiceProcess gatewayVariant(String name, int port, Map<String, String> environment) {
        Map<String, String> env = withOverrides(gatewayEnvironment());
        env.put("SERVER_PORT", Integer.toString(port));
        env.putAll(environment);
        return serviceProcess(name, "gateway", port, env);
    }

    /**
     * One more instance of a service, configured like {@link #service} (same store, same consumer groups) plus
     * {@code environment}, on its own port and log: what a second replica is; the caller starts and stops it.
     */
    public ServiceProcess serviceVariant(PlatformService service, String name, int port, Map<String, String> environment) {
        Map<String, String> env = withOverrides(serviceEnvironment(service));
        env.put("SERVER_PORT", Integer.toString(port));
        env.putAll(environment);
        return serviceProcess(name, service.module(), port, env);
    }

    public JvmSettings jvmSettings() {
        return jvm;
    }

    /** Every component, infrastructure first, in start order. */
    public List<Component> components() {
        List<Component> all = new ArrayList<>(infrastructure());
        services.values().forEach(all::addAll);
        all.addAll(gateways);
        return all;
    }

    /** Every component by its name: `postgres`, `kafka`, `keycloak`, a service's short name, `gateway`, `catalog-2`. */
    public Component component(String name) {
        return components().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no component named " + name + "; there are "
                        + components().stream().map(Component::name).toList()));
    }

    /**
     * Stops one component gracefully, keeping its data folder and ports, while the rest of the platform runs on:
     * what an operator's restart, a crashed broker or a database failover looks like to everything else.
     */
    public void stop(String name) {
        component(name).stop();
    }

    /** Starts a component {@linkplain #stop stopped} before, on the same ports and with the same state. */
    public void start(String name) {
        startOrExplain(component(name));
    }

    /** Starts the component; when it fails, throws a {@link ComponentFailure} naming it, with its log tail. */
    private static void startOrExplain(Component component) {
        try {
            component.start();
        } catch (Exception e) {
            String tail = component.logFile() == null ? "" : System.lineSeparator()
                    + io.skillwise.devstack.process.LogTail.of(component.logFile(), 30);
            throw new ComponentFailure(component.name(), e.getMessage() + tail, e);
        }
    }

    /**
     * Kills a service or gateway instance without a graceful shutdown (SIGKILL), as a crash or an out-of-memory
     * kill would; {@link #start} brings it back.
     */
    public void kill(String name) {
        if (!(component(name) instanceof ServiceProcess process)) {
            throw new IllegalArgumentException(name + " runs inside devstack's JVM or is not a service; stop it instead");
        }
        process.kill();
    }

    public int replicas() {
        return replicas;
    }

    public List<Component> infrastructure() {
        return List.of(postgres, kafka, mongo, redis, mail, keycloak);
    }

    /** Ports that are already taken by someone else, with the component that needs them. */
    public Map<String, Integer> busyPorts() {
        Map<String, Integer> needed = new LinkedHashMap<>();
        gateways.forEach(process -> needed.put(process.name(), process.port()));
        services.values().forEach(instances -> instances.forEach(process -> needed.put(process.name(), process.port())));
        needed.put("keycloak", ports.keycloak());
        needed.put("kafka", ports.kafka());
        needed.put("kafka controller", ports.kafkaController());
        needed.put("postgres", ports.postgres());
        needed.put("mongo", ports.mongo());
        needed.put("redis", ports.redis());
        needed.put("smtp", ports.smtp());
        needed.put("mailbox api", ports.mailApi());
        Map<String, Integer> busy = new LinkedHashMap<>();
        needed.forEach((name, port) -> {
            if (!Probes.isPortFree(port)) {
                busy.put(name, port);
            }
        });
        return busy;
    }

    /**
     * Starts everything, in parallel where nothing depends on it: the stores and Kafka first (seconds), then the
     * services while Keycloak is still booting (services fetch its keys only when the first token arrives), then
     * the gateway. Any failure stops what was started and rethrows with the component's name and log tail.
     */
    public void start(StartListener listener) throws IOException {
        layout.createFolders();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Void> keycloakReady = startAsync(pool, keycloak, listener);
            CompletableFuture.allOf(Stream.of(postgres, kafka, mongo, redis, mail)
                    .map(c -> startAsync(pool, c, listener)).toArray(CompletableFuture[]::new)).join();
            CompletableFuture.allOf(services.values().stream().flatMap(List::stream)
                    .map(c -> startAsync(pool, c, listener)).toArray(CompletableFuture[]::new)).join();
            keycloakReady.join();
            CompletableFuture.allOf(gateways.stream()
                    .map(c -> startAsync(pool, c, listener)).toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            close();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof ComponentFailure failure) {
                throw failure;
            }
            throw new ComponentFailure("platform", cause.getMessage(), cause);
        }
    }

    /** Starts only the infrastructure (for `skillwise up --infra-only` and tests of single services). */
    public void startInfrastructure(StartListener listener, boolean withKeycloak) throws IOException {
        layout.createFolders();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Component> wanted = new ArrayList<>(List.of(postgres, kafka, mongo, redis, mail));
            if (withKeycloak) {
                wanted.add(keycloak);
            }
            CompletableFuture.allOf(wanted.stream().map(c -> startAsync(pool, c, listener))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            close();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof ComponentFailure failure ? failure
                    : new ComponentFailure("platform", cause.getMessage(), cause);
        }
    }

    private CompletableFuture<Void> startAsync(ExecutorService pool, Component component, StartListener listener) {
        return CompletableFuture.runAsync(() -> {
            listener.starting(component.name());
            long begin = System.nanoTime();
            startOrExplain(component);
            started.add(component);
            listener.ready(component.name(), (System.nanoTime() - begin) / 1_000_000);
        }, pool);
    }

    /**
     * Stops the gateway first, then every service at once (each may take a few seconds to drain), then the
     * infrastructure at once, so the services shut down while their stores and Kafka are still there.
     */
    @Override
    public void close() {
        stopAll(gateways);
        stopAll(services.values().stream().flatMap(List::stream).toList());
        stopAll(List.of(keycloak, mail, redis, mongo, kafka, postgres));
        started.clear();
    }

    private static void stopAll(List<? extends Component> components) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Component component : components) {
                pool.submit(() -> {
                    try {
                        component.stop();
                    } catch (RuntimeException e) {
                        System.err.println("could not stop " + component.name() + ": " + e.getMessage());
                    }
                });
            }
        }
    }

    /**
     * Processes left over from a run of this stack that died without stopping them (SIGKILL of the supervisor or
     * of a test JVM): services, Keycloak, PostgreSQL and Redis carry the state folder in their command line.
     */
    public static int stopStrays(Path stateDir) {
        String marker = stateDir.toAbsolutePath().toString();
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> strays = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .toList();
        strays.forEach(ProcessHandle::destroy);
        for (ProcessHandle stray : strays) {
            Probes.await(java.time.Duration.ofSeconds(20), () -> !stray.isAlive(), () -> true);
            stray.destroyForcibly();
        }
        return strays.size();
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + ports.gateway();
    }

    public String keycloakUrl() {
        return "http://127.0.0.1:" + ports.keycloak();
    }

    public String issuer() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    public StackPorts ports() {
        return ports;
    }

    public StackLayout layout() {
        return layout;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public MongoServer mongo() {
        return mongo;
    }

    public RedisServer redis() {
        return redis;
    }

    public MailSink mail() {
        return mail;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    /** The first instance of a service. */
    public ServiceProcess service(PlatformService service) {
        return services.get(service).getFirst();
    }

    /** Every instance of a service, the first one first. */
    public List<ServiceProcess> instances(PlatformService service) {
        return services.get(service);
    }

    /** The first gateway, the one {@link #gatewayUrl()} names. */
    public ServiceProcess gateway() {
        return gateways.getFirst();
    }

    /** Every gateway instance, the first one first. */
    public List<ServiceProcess> gateways() {
        return List.copyOf(gateways);
    }

    /** Deletes the state folder (for `--fresh`); nothing may be running. */
    public static void wipe(Path stateDir) throws IOException {
        if (!Files.exists(stateDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(stateDir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Told about each component as it starts and becomes ready. */
    public interface StartListener {
        void starting(String component);

        void ready(String component, long millis);

        StartListener SILENT = new StartListener() {
            @Override
            public void starting(String component) {
            }

            @Override
            public void ready(String component, long millis) {
            }
        };
    }

    /** A component that did not start; the message names it and carries its log tail. */
    public static final class ComponentFailure extends RuntimeException {
        private final String component;

        public ComponentFailure(String component, String message, Throwable cause) {
            super(component + " failed to start: " + message, cause);
            this.component = component;
        }

        public String component() {
            return component;
        }
    }
}
