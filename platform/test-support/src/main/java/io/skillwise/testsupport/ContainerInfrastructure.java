package io.skillwise.testsupport;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The same servers as real images under Testcontainers, for machines with a Docker engine
 * ({@code -Dskillwise.test.infra=containers}). The default build never touches this class.
 */
final class ContainerInfrastructure implements TestInfrastructure {

    private PostgreSQLContainer postgres;
    private KafkaContainer kafka;
    private MongoDBContainer mongo;
    private GenericContainer<?> redis;
    private GenericContainer<?> mail;

    private synchronized PostgreSQLContainer postgres() {
        if (postgres == null) {
            postgres = new PostgreSQLContainer("postgres:17-alpine");
            postgres.start();
        }
        return postgres;
    }

    @Override
    public String postgresDatabase(String name) {
        PostgreSQLContainer server = postgres();
        try (Connection connection = DriverManager.getConnection(server.getJdbcUrl(), server.getUsername(), server.getPassword());
             Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
            if (!exists.next()) {
                statement.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return "jdbc:postgresql://" + server.getHost() + ":" + server.getFirstMappedPort() + "/" + name;
    }

    @Override
    public String postgresUser() {
        return postgres().getUsername();
    }

    @Override
    public String postgresPassword() {
        return postgres().getPassword();
    }

    @Override
    public void stopPostgres() {
        postgres().getDockerClient().pauseContainerCmd(postgres().getContainerId()).exec();
    }

    @Override
    public void startPostgres() {
        postgres().getDockerClient().unpauseContainerCmd(postgres().getContainerId()).exec();
    }

    private synchronized KafkaContainer kafka() {
        if (kafka == null) {
            kafka = new KafkaContainer("apache/kafka:4.1.1");
            kafka.start();
        }
        return kafka;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka().getBootstrapServers();
    }

    @Override
    public void stopKafka() {
        kafka().getDockerClient().pauseContainerCmd(kafka().getContainerId()).exec();
    }

    @Override
    public void startKafka() {
        kafka().getDockerClient().unpauseContainerCmd(kafka().getContainerId()).exec();
    }

    @Override
    public synchronized String mongoUri(String database) {
        if (mongo == null) {
            mongo = new MongoDBContainer("mongo:8");
            mongo.start();
        }
        return mongo.getReplicaSetUrl(database);
    }

    private synchronized GenericContainer<?> redis() {
        if (redis == null) {
            redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            redis.start();
        }
        return redis;
    }

    @Override
    public String redisHost() {
        return redis().getHost();
    }

    @Override
    public int redisPort() {
        return redis().getMappedPort(6379);
    }

    private synchronized GenericContainer<?> mail() {
        if (mail == null) {
            mail = new GenericContainer<>("greenmail/standalone:2.1.5").withExposedPorts(3025, 8080);
            mail.start();
        }
        return mail;
    }

    @Override
    public String smtpHost() {
        return mail().getHost();
    }

    @Override
    public int smtpPort() {
        return mail().getMappedPort(3025);
    }

    @Override
    public List<Map<String, Object>> mailTo(String email) {
        String url = "http://" + mail().getHost() + ":" + mail().getMappedPort(8080) + "/api/user/"
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/INBOX";
        try (HttpClient client = HttpClient.newHttpClient()) {
            String body = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return JsonMapper.builder().build().readValue(body, new TypeReference<List<Map<String, Object>>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("could not read the mailbox", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
