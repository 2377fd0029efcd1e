package io.skillwise.testsupport;

import io.skillwise.devstack.Component;
import io.skillwise.devstack.infra.KafkaBroker;
import io.skillwise.devstack.infra.MailSink;
import io.skillwise.devstack.infra.MongoServer;
import io.skillwise.devstack.infra.PostgresServer;
import io.skillwise.devstack.infra.RedisServer;

import org.springframework.boot.SpringApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * devstack's servers on free loopback ports and throw-away folders, started on first use and stopped when the JVM
 * exits, after the applications that use them have closed, so nothing outlives the test run: the folder is deleted on exit, and folders whose JVM was killed before it
 * could clean up are swept by the next test JVM (each folder names its owner in {@value #OWNER_FILE}).
 */
final class EmbeddedInfrastructure implements TestInfrastructure {

    private static final String PREFIX = "skillwise-test-infra";
    private static final String OWNER_FILE = "owner.pid";

    private final Path root;
    private final List<Component> started = new ArrayList<>();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private MongoServer mongo;
    private RedisServer redis;
    private MailSink mail;

    EmbeddedInfrastructure() {
        try {
            root = Files.createTempDirectory(PREFIX);
            Files.writeString(root.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LeftoverFolders.sweep(root.getParent(), PREFIX, OWNER_FILE);
        // Spring Boot runs its shutdown handlers after it has closed every application context of the JVM (the test
        // context cache's included); a plain JVM hook would run beside that and stop the stores under applications
        // still closing, whose background loops then wait out their drivers' timeouts (30 s for MongoDB's)
        SpringApplication.getShutdownHandlers().add(this::stopAllAndDelete);
    }

    private synchronized void stopAllAndDelete() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).stop();
            } catch (RuntimeException ignored) {
                // the JVM is exiting; whatever is left is deleted below or swept by the next run
            }
        }
        started.clear();
        LeftoverFolders.delete(root);
    }

    private <C extends Component> C start(C component) {
        try {
            component.start();
        } catch (Exception e) {
            throw new IllegalStateException("test infrastructure: " + component.name() + " did not start", e);
        }
        started.add(component);
        return component;
    }

    private synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = start(new PostgresServer(freePort(), root.resolve("postgres"), root.resolve("postgres.log"), List.of()));
        }
        return postgres;
    }

    private synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = start(new KafkaBroker(freePort(), freePort(), root.resolve("kafka")));
        }
        return kafka;
    }

    @Override
    public String postgresDatabase(String name) {
        try {
            return postgres().createDatabase(name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
    }

    @Override
    public String postgresUser() {
        return PostgresServer.USER;
    }

    @Override
    public String postgresPassword() {
        return "";
    }

    @Override
    public void stopPostgres() {
        postgres().stop();
    }

    @Override
    public void startPostgres() {
        try {
            postgres().start();
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL did not restart", e);
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka().bootstrapServers();
    }

    @Override
    public void stopKafka() {
        kafka().stop();
    }

    @Override
    public void startKafka() {
        try {
            kafka().start();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not restart", e);
        }
    }

    @Override
    public synchronized String mongoUri(String database) {
        if (mongo == null) {
            mongo = start(new MongoServer(freePort(), null));
        }
        return mongo.uri(database);
    }

    private synchronized RedisServer redis() {
        if (redis == null) {
            redis = start(new RedisServer(freePort(), root.resolve("redis")));
        }
        return redis;
    }

    @Override
    public String redisHost() {
        return "127.0.0.1";
    }

    @Override
    public int redisPort() {
        return redis().port();
    }

    private synchronized MailSink mail() {
        if (mail == null) {
            mail = start(new MailSink(freePort(), freePort()));
        }
        return mail;
    }

    @Override
    public String smtpHost() {
        return "127.0.0.1";
    }

    @Override
    public int smtpPort() {
        return mail().smtpPort();
    }

    @Override
    public List<Map<String, Object>> mailTo(String email) {
        try {
            return mail().messagesFor(email);
        } catch (Exception e) {
            throw new IllegalStateException("could not read the test mailbox", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
