package io.skillwise.notification;

import io.skillwise.notification.delivery.Delivery;
import io.skillwise.notification.delivery.DeliveryService;
import io.skillwise.notification.support.Mailbox;
import io.skillwise.notification.support.NotificationServiceTest;
import io.skillwise.notification.support.SecondInstance;
import io.skillwise.testsupport.SseClient;
import io.skillwise.testsupport.TestTokens;
import io.skillwise.testsupport.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
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

    private SecondInstance instanceB;

    @BeforeAll
    void startInstanceB() {
        instanceB = new SecondInstance(environment,
                "--skillwise.notification.mail.batch-size=5", "--skillwise.notification.mail.poll-interval=100ms");
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
        try (SseClient stream = SseClient.open(instanceB.streamUrl(), TestTokens.shared().bearer(me), null)) {
            assertThat(stream.nextComment(WAIT)).isEqualTo("connected");
            for (int i = 0; i < 3; i++) {
                deliveryOnA.deliver(Delivery.inAppOnly("test:" + UUID.randomUUID(),
                        new Notice(NotificationKind.REVIEW_POSTED, "Across " + i, "Text.", null), List.of(me.id())));

                SseClient.Event event = stream.expect(WAIT, "notification " + i + " written on the other instance");
                assertThat(event.json().path("title").asString()).isEqualTo("Across " + i);
            }
        }
    }

    @Test
    void twoSendersShareTheQueueAndSendEachMailOnce() {
        List<TestUser> recipients = IntStream.range(0, 40).mapToObj(i -> TestUser.student()).toList();
        register(recipients.toArray(TestUser[]::new));
        String title = "Once " + UUID.randomUUID();

        deliveryOnA.deliver(Delivery.of("test:" + UUID.randomUUID(), new Notice(NotificationKind.REVIEW_POSTED, title,
                "Text.", null), recipients.subList(0, 20).stream().map(TestUser::id).toList()));
        instanceB.bean(DeliveryService.class).deliver(Delivery.of("test:" + UUID.randomUUID(),
                new Notice(NotificationKind.REVIEW_POSTED, title, "Text.", null),
                recipients.subList(20, 40).stream().map(TestUser::id).toList()));

        for (TestUser recipient : recipients) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(recipient.email(), title))
                    .as("mail to %s", recipient.email()).isNotEmpty());
        }
        for (TestUser recipient : recipients) {
            assertThat(Mailbox.of(recipient.email(), title)).as(recipient.email()).hasSize(1);
        }
    }
}
