package io.skillwise.devstack;

import io.skillwise.devstack.infra.KafkaBroker;
import io.skillwise.devstack.infra.MailSink;
import io.skillwise.devstack.infra.MongoServer;
import io.skillwise.devstack.infra.PostgresServer;
import io.skillwise.devstack.infra.Probes;
import io.skillwise.devstack.infra.RedisServer;
import io.skillwise.events.Topics;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each embedded server really starts, serves, and stops without leaving its port taken. */
class InfrastructureComponentsIT {

    @TempDir
    Path dir;

    @Test
    void postgresCreatesOneDatabasePerServiceAndSurvivesARestart() throws Exception {
        int port = freePort();
        PostgresServer postgres = new PostgresServer(port, dir.resolve("pg"), dir.resolve("pg.log"), List.of("catalog", "payment"));
        try (postgres) {
            postgres.start();
            assertThat(postgres.isHealthy()).isTrue();
            try (Connection connection = postgres.connect("catalog")) {
                connection.createStatement().execute("create table kept (id int)");
            }
        }
        assertThat(Probes.isPortFree(port)).isTrue();
        try (postgres) {
            postgres.start();
            try (Connection connection = postgres.connect("catalog");
                 ResultSet tables = connection.createStatement().executeQuery("select count(*) from kept")) {
                assertThat(tables.next()).isTrue();
            }
        }
    }

    @Test
    void kafkaCreatesThePlatformTopicsAndTheirDeadLetterTopicsAndRestartsOnItsLog() throws Exception {
        KafkaBroker kafka = new KafkaBroker(freePort(), freePort(), dir.resolve("kafka"));
        try (kafka) {
            kafka.start();
            assertThat(kafka.isHealthy()).isTrue();
            Set<String> topics = listTopics(kafka);
            for (String topic : Topics.all()) {
                assertThat(topics).contains(topic, Topics.dlt(topic));
            }
            kafka.stop();
            assertThat(kafka.isHealthy()).isFalse();
            kafka.start();
            assertThat(listTopics(kafka)).containsAll(Topics.all());
        }
    }

    private static Set<String> listTopics(KafkaBroker kafka) throws Exception {
        try (var admin = kafka.admin()) {
            return admin.listTopics().names().get();
        }
    }

    @Test
    void mongoRedisAndTheMailboxServe() throws Exception {
        MongoServer mongo = new MongoServer(freePort(), dir.resolve("mongo/data.mv"));
        RedisServer redis = new RedisServer(freePort(), dir.resolve("redis"));
        MailSink mail = new MailSink(freePort(), freePort());
        try (mongo; redis; mail) {
            mongo.start();
            redis.start();
            mail.start();
            assertThat(mongo.isHealthy()).isTrue();
            assertThat(redis.isHealthy()).isTrue();
            assertThat(mail.isHealthy()).isTrue();

            Properties smtp = new Properties();
            smtp.put("mail.smtp.host", "127.0.0.1");
            smtp.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
            MimeMessage message = new MimeMessage(Session.getInstance(smtp));
            message.setFrom(new InternetAddress("no-reply@skillwise.local"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("learner@example.com"));
            message.setSubject("Verify your email");
            message.setText("token: abc123");
            Transport.send(message);

            String inbox = Probes.httpBody(mail.apiUrl() + "/api/user/learner@example.com/messages/INBOX");
            assertThat(inbox).contains("Verify your email").contains("token: abc123");
            assertThat(Probes.httpBody(mail.apiUrl() + "/api/user/someone-else@example.com/messages/INBOX")).isEqualTo("[]");
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
