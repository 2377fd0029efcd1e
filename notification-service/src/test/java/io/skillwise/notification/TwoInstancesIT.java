package io.skillwise.notification;

import io.skillwise.notification.delivery.Delivery;
import io.skillwise.notification.delivery.DeliveryService;
import io.skillwise.notification.support.Mailbox;
import io.skillwise.notification.support.NotificationServiceTest;
import io.skillwise.testsupport.BenchmarkReport;
import io.skillwise.testsupport.SseClient;
import io.skillwise.testsupport.TestTokens;
import io.skillwise.testsupport.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service on one database, as behind a load balancer: a notification written by one reaches a
 * stream open on the other, and their two mail senders share the queue without sending anything twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {
        "skillwise.notification.mail.batch-size=5",
        "skillwise.notification.mail.poll-interval=100ms"})
class TwoInstancesIT extends NotificationServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    DeliveryService deliveryOnA;
    @Autowired
    Environment environment;

    private ConfigurableApplicationContext instanceB;
    private String streamOnB;

    @BeforeAll
    void startInstanceB() {
        // as command-line arguments, which win over application.yml (builder properties would not)
        instanceB = new SpringApplicationBuilder(NotificationApplication.class).run(
                "--server.port=0",
                "--spring.mongodb.uri=" + environment.getProperty("spring.mongodb.uri"),
                "--spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
                "--spring.kafka.consumer.group-id=" + environment.getProperty("spring.kafka.consumer.group-id"),
                "--spring.mail.host=" + environment.getProperty("spring.mail.host"),
                "--spring.mail.port=" + environment.getProperty("spring.mail.port"),
                "--skillwise.security.issuer=" + environment.getProperty("skillwise.security.issuer"),
                "--skillwise.security.jwk-set-uri=" + environment.getProperty("skillwise.security.jwk-set-uri"),
                "--skillwise.notification.mail.batch-size=5",
                "--skillwise.notification.mail.poll-interval=100ms");
        streamOnB = "http://127.0.0.1:" + instanceB.getEnvironment().getProperty("local.server.port")
                + "/api/v1/notifications/stream";
    }

    @AfterAll
    void stopInstanceB() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void aNotificationWrittenOnOneInstanceReachesAStreamOpenOnTheOther() {
        TestUser me = TestUser.student();
        double load = BenchmarkReport.loadAverage();
        List<Duration> latencies = new ArrayList<>();
        try (SseClient stream = SseClient.open(streamOnB, TestTokens.shared().bearer(me), null)) {
            assertThat(stream.nextComment(WAIT)).isEqualTo("connected");
            for (int i = 0; i < 20; i++) {
                Instant written = Instant.now();
                deliveryOnA.deliver(Delivery.inAppOnly("test:" + UUID.randomUUID(),
                        new Notice(NotificationKind.REVIEW_POSTED, "Across " + i, "Text.", null), List.of(me.id())));
                SseClient.Event event = stream.expect(WAIT, "notification " + i + " written on the other instance");
                assertThat(event.json().path("title").asString()).isEqualTo("Across " + i);
                latencies.add(Duration.between(written, event.receivedAt()));
            }
        }
        record(latencies, load);
    }

    /** The figures, printed and kept in docs/benchmarks.md: the issue asks for "within a second". */
    private static void record(List<Duration> latencies, double load) {
        long[] millis = latencies.stream().mapToLong(Duration::toMillis).sorted().toArray();
        String row = String.format(Locale.ROOT, "| %d | %d | %d | %d |", millis.length,
                millis[millis.length / 2], millis[(int) Math.ceil(millis.length * 0.95) - 1], millis[millis.length - 1]);
        System.out.println("[benchmark] notification on A -> stream on B (ms): n, p50, p95, max " + row);
        BenchmarkReport.record("notification-stream", "Live notifications across instances (notification-service)",
                "`TwoInstancesIT` in notification-service: two instances on one Mongo stand-in database; a client holds "
                        + "the stream of instance B open while instance A delivers a notification, one after the "
                        + "other; from the call to the delivery core on A to the event read by the client of B "
                        + "(poll interval 250 ms). Budget: within a second.\n\n"
                        + "| notifications | p50 ms | p95 ms | max ms |\n|---|---|---|---|\n" + row, load);
    }

    @Test
    void twoSendersShareTheQueueAndSendEachMailOnce() {
        List<TestUser> recipients = IntStream.range(0, 40).mapToObj(i -> TestUser.student()).toList();
        register(recipients.toArray(TestUser[]::new));
        String title = "Once " + UUID.randomUUID();

        DeliveryService deliveryOnB = instanceB.getBean(DeliveryService.class);
        deliveryOnA.deliver(Delivery.of("test:" + UUID.randomUUID(), new Notice(NotificationKind.REVIEW_POSTED, title,
                "Text.", null), recipients.subList(0, 20).stream().map(TestUser::id).toList()));
        deliveryOnB.deliver(Delivery.of("test:" + UUID.randomUUID(), new Notice(NotificationKind.REVIEW_POSTED, title,
                "Text.", null), recipients.subList(20, 40).stream().map(TestUser::id).toList()));

        for (TestUser recipient : recipients) {
            await().atMost(PATIENCE).until(() -> !Mailbox.of(recipient.email(), title).isEmpty());
        }
        for (TestUser recipient : recipients) {
            assertThat(Mailbox.of(recipient.email(), title)).as(recipient.email()).hasSize(1);
        }
    }
}
