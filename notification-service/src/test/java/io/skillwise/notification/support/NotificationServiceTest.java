package io.skillwise.notification.support;

import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What notification-service's integration tests share: the service on a random port with its own Mongo database and
 * consumer groups, the shared Kafka broker and SMTP sink, an HTTP client and the topics to publish events on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(mongo = true, kafka = true, smtp = true, tokens = true)
public abstract class NotificationServiceTest {

    /** How long a test waits for something asynchronous (Kafka, the mail sender) on a busy machine. */
    protected static final Duration PATIENCE = Duration.ofSeconds(45);

    @LocalServerPort
    protected int port;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String kafka;

    protected Api api;
    protected Events events;

    @BeforeEach
    void connect() {
        api = new Api(port);
        events = new Events(kafka);
    }

    /** All of the user's notifications, newest first. */
    protected List<JsonNode> notificationsOf(TestUser user) {
        ApiResponse page = api.get("/notifications?size=100", user);
        assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        page.body().path("items").forEach(items::add);
        return items;
    }

    protected List<JsonNode> notificationsOf(TestUser user, String kind) {
        return notificationsOf(user).stream().filter(n -> n.path("kind").asString().equals(kind)).toList();
    }
}
