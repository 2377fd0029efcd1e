package io.skillwise.devstack;

import io.skillwise.devstack.infra.Probes;
import io.skillwise.devstack.keycloak.ProductionRealm;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The command behind `./skillwise`: {@code up [--fresh] [--infra-only] [--production-jvm] [--replicas N]}, {@code status},
 * {@code down}, and {@code production-realm} (the realm for a production Keycloak, printed). `up` stays in the
 * foreground and stops everything on Ctrl-C or on `skillwise down` (SIGTERM). {@code --production-jvm} runs the
 * services and the gateway with the JVM settings of a deployment ({@link JvmSettings#PRODUCTION}) instead of the
 * small-footprint developer settings. {@code --replicas N} starts N instances of every service and of the gateway
 * (instance n on the first one's port plus (n - 1) x {@value DevStack#REPLICA_PORT_STEP}), each gateway spreading
 * requests over every instance of a service.
 */
public final class DevStackMain {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private DevStackMain() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "up" : args[0];
        List<String> options = List.of(args).subList(Math.min(1, args.length), args.length);
        Path home = StackLayout.locateHome();
        Path stateDir = Path.of(System.getProperty("skillwise.state", home.resolve(".skillwise").toString()));
        StackLayout layout = new StackLayout(home, stateDir, StackLayout.currentJavaHome());
        JvmSettings jvm = options.contains("--production-jvm") ? JvmSettings.PRODUCTION : JvmSettings.LOCAL;
        int replicas;
        try {
            replicas = replicas(options);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        DevStack stack = new DevStack(layout, StackPorts.defaults(), Map.of(), jvm, replicas);
        int exit = switch (command) {
            case "up" -> up(stack, options.contains("--fresh"), options.contains("--infra-only"));
            case "status" -> status(stack);
            case "down" -> down(layout);
            case "production-realm" -> productionRealm(home);
            default -> {
                System.err.println("usage: skillwise up [--fresh] [--infra-only] [--production-jvm] [--replicas N] | status | down"
                        + " | logs NAME | production-realm");
                yield 2;
            }
        };
        System.exit(exit);
    }

    /** The N of {@code --replicas N}: 1 without the option; a whole number from 1 to 4 (the ports leave room for 4). */
    static int replicas(List<String> options) {
        int at = options.indexOf("--replicas");
        if (at < 0) {
            return 1;
        }
        if (at + 1 >= options.size()) {
            throw new IllegalArgumentException("--replicas needs a number, e.g. --replicas 2");
        }
        String value = options.get(at + 1);
        int replicas;
        try {
            replicas = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--replicas needs a whole number from 1 to 4, not '" + value + "'");
        }
        if (replicas < 1 || replicas > 4) {
            throw new IllegalArgumentException("--replicas needs a whole number from 1 to 4, not " + replicas);
        }
        return replicas;
    }

    /** Prints the realm for a production Keycloak, made from the local one (docs/configuration.md). */
    private static int productionRealm(Path home) throws IOException {
        OUT.println(ProductionRealm.from(Files.readString(home.resolve("deploy/keycloak/skillwise-realm.json"))));
        return 0;
    }

    private static int up(DevStack stack, boolean fresh, boolean infraOnly) throws IOException, InterruptedException {
        StackLayout layout = stack.layout();
        Optional<ProcessHandle> running = supervisor(layout);
        if (running.isPresent()) {
            System.err.println("SkillWise is already running (pid " + running.get().pid() + "); `./skillwise down` stops it.");
            return 1;
        }
        Map<String, Integer> busy = stack.busyPorts();
        if (!busy.isEmpty()) {
            System.err.println("Cannot start: these ports are taken by another program:");
            busy.forEach((name, port) -> System.err.printf("  %-16s 127.0.0.1:%d%n", name, port));
            System.err.println("Stop whatever holds them (for a stray SkillWise: ./skillwise down) and try again.");
            return 1;
        }
        if (fresh) {
            OUT.println("--fresh: deleting " + layout.stateDir());
            DevStack.wipe(layout.stateDir());
        }
        layout.createFolders();
        Files.writeString(layout.stateDir().resolve("devstack.pid"), Long.toString(ProcessHandle.current().pid()));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OUT.println();
            OUT.println("Stopping SkillWise...");
            stack.close();
            try {
                Files.deleteIfExists(layout.stateDir().resolve("devstack.pid"));
            } catch (IOException ignored) {
                // the next `up` checks whether the recorded process is alive
            }
            OUT.println("Stopped.");
            stopped.countDown();
        }, "skillwise-shutdown"));

        long begin = System.nanoTime();
        OUT.println("Starting SkillWise (state in " + layout.stateDir() + ", logs in " + layout.logs() + ", "
                + (stack.jvmSettings() == JvmSettings.PRODUCTION ? "production" : "developer") + " JVM settings)");
        DevStack.StartListener progress = new DevStack.StartListener() {
            @Override
            public void starting(String component) {
                OUT.printf("  ... %-13s starting%n", component);
            }

            @Override
            public void ready(String component, long millis) {
                OUT.printf("  ok  %-13s ready in %5.1f s   (%5.1f s since start)%n", component, millis / 1000.0,
                        (System.nanoTime() - begin) / 1e9);
            }
        };
        try {
            if (infraOnly) {
                stack.startInfrastructure(progress, true);
            } else {
                stack.start(progress);
            }
        } catch (DevStack.ComponentFailure failure) {
            System.err.println();
            System.err.println("FAILED: " + failure.getMessage());
            System.err.println("Logs: " + layout.logs());
            return 1;
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        printReady(stack, seconds, infraOnly);
        stopped.await();
        return 0;
    }

    private static void printReady(DevStack stack, double seconds, boolean infraOnly) {
        StackPorts ports = stack.ports();
        OUT.println();
        OUT.printf("SkillWise is ready in %.1f s.%n", seconds);
        if (!infraOnly) {
            OUT.println("  API gateway      " + stack.gatewayUrl() + "/api/v1");
            stack.gateways().stream().skip(1).forEach(more -> OUT.println("  API gateway      " + more.baseUrl()
                    + "/api/v1  (replica; every gateway spreads requests over every instance of a service)"));
            OUT.println("  Swagger UI       " + stack.gatewayUrl() + "/swagger-ui.html");
        }
        OUT.println("  Keycloak console " + stack.keycloakUrl() + "/admin/master/console/#/skillwise  (admin / admin, dev only)");
        OUT.println("  Mailbox          " + stack.mail().apiUrl() + "/api/user/{email}/messages/INBOX  (SMTP 127.0.0.1:" + ports.smtp() + ")");
        OUT.println("  Local admin      admin@skillwise.local / skillwise-admin");
        OUT.println("  PostgreSQL 127.0.0.1:" + ports.postgres() + " (user postgres), Kafka 127.0.0.1:" + ports.kafka()
                + ", Mongo 127.0.0.1:" + ports.mongo() + ", Redis 127.0.0.1:" + ports.redis());
        OUT.println("Ctrl-C or `./skillwise down` stops everything; `./skillwise status` shows health; `./skillwise logs NAME` follows a log.");
    }

    private static int status(DevStack stack) {
        Optional<ProcessHandle> running = supervisor(stack.layout());
        OUT.println(running.map(p -> "Supervisor running (pid " + p.pid() + ")").orElse("Supervisor not running"));
        boolean allUp = true;
        for (Component component : stack.components()) {
            boolean healthy = component.isHealthy();
            allUp &= healthy;
            OUT.printf("  %-13s %s%n", component.name(), healthy ? "UP" : "DOWN");
        }
        return allUp ? 0 : 1;
    }

    /** Asks the supervisor to stop (it stops everything it started), then removes strays a crash may have left. */
    private static int down(StackLayout layout) throws IOException {
        Optional<ProcessHandle> running = supervisor(layout);
        if (running.isPresent()) {
            OUT.println("Stopping SkillWise (pid " + running.get().pid() + ")...");
            running.get().destroy();
            boolean gone = Probes.await(Duration.ofSeconds(90), () -> !running.get().isAlive(), () -> true);
            if (!gone) {
                running.get().destroyForcibly();
            }
        } else {
            OUT.println("SkillWise is not running.");
        }
        int strays = DevStack.stopStrays(layout.stateDir());
        if (strays > 0) {
            OUT.println("Stopped " + strays + " stray process(es) of an earlier run.");
        }
        Files.deleteIfExists(layout.stateDir().resolve("devstack.pid"));
        return 0;
    }

    private static Optional<ProcessHandle> supervisor(StackLayout layout) {
        Path pidFile = layout.stateDir().resolve("devstack.pid");
        try (Stream<String> lines = Files.exists(pidFile) ? Files.lines(pidFile) : Stream.empty()) {
            return lines.findFirst().map(String::trim).filter(s -> s.matches("\\d+"))
                    .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid))).filter(ProcessHandle::isAlive);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
