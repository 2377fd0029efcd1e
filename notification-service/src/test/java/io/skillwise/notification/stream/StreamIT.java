package io.skillwise.notification.stream;

import io.skillwise.notification.Notice;
import io.skillwise.notification.NotificationKind;
import io.skillwise.notification.delivery.Delivery;
import io.skillwise.notification.delivery.DeliveryService;
import io.skillwise.notification.support.NotificationServiceTest;
import io.skillwise.testsupport.SseClient;
import io.skillwise.testsupport.TestTokens;
import io.skillwise.testsupport.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The live stream of one instance: delivery, heartbeats, reconnecting with Last-Event-ID, token expiry. */
@TestPropertySource(properties = "skillwise.notification.stream.heartbeat=1s")
class StreamIT extends NotificationServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    DeliveryService delivery;

    @Test
    void aNewNotificationArrivesOnTheOpenStream() {
        TestUser me = TestUser.student();
        try (SseClient stream = open(me, null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            assertThat(stream.nextComment(WAIT)).isEqualTo("connected");

            notify(me, "Live");

            SseClient.Event event = stream.expect(WAIT, "the new notification");
            assertThat(event.name()).isEqualTo("notification");
            assertThat(Long.parseLong(event.id())).isPositive();
            assertThat(event.json().path("title").asString()).isEqualTo("Live");
            assertThat(event.json().path("kind").asString()).isEqualTo("REVIEW_POSTED");
            assertThat(event.json().path("id").asString()).isEqualTo(notificationsOf(me).getFirst().path("id").asString());
        }
    }

    @Test
    void aStreamCarriesOnlyItsOwnersNotifications() {
        TestUser me = TestUser.student();
        TestUser other = TestUser.student();
        try (SseClient mine = open(me, null); SseClient theirs = open(other, null)) {
            mine.nextComment(WAIT);
            theirs.nextComment(WAIT);

            notify(other, "For the other one");
            notify(me, "For me");

            assertThat(mine.expect(WAIT, "my notification").json().path("title").asString()).isEqualTo("For me");
            assertThat(theirs.expect(WAIT, "their notification").json().path("title").asString())
                    .isEqualTo("For the other one");
            assertThat(mine.pending()).isEmpty();
        }
    }

    @Test
    void aQuietStreamGetsHeartbeats() {
        try (SseClient stream = open(TestUser.student(), null)) {
            assertThat(stream.nextComment(WAIT)).isEqualTo("connected");
            assertThat(stream.nextComment(WAIT)).isEqualTo("heartbeat");
            assertThat(stream.nextComment(WAIT)).isEqualTo("heartbeat");
        }
    }

    @Test
    void reconnectingWithLastEventIdReplaysWhatWasMissedInOrder() {
        TestUser me = TestUser.student();
        String lastSeen;
        try (SseClient first = open(me, null)) {
            first.nextComment(WAIT);
            notify(me, "Seen");
            lastSeen = first.expect(WAIT, "the first notification").id();
        }
        notify(me, "Missed 1");
        notify(me, "Missed 2");

        try (SseClient again = open(me, lastSeen)) {
            SseClient.Event one = again.expect(WAIT, "the first missed notification");
            SseClient.Event two = again.expect(WAIT, "the second missed notification");
            assertThat(List.of(one.json().path("title").asString(), two.json().path("title").asString()))
                    .containsExactly("Missed 1", "Missed 2");
            assertThat(Long.parseLong(two.id())).isGreaterThan(Long.parseLong(one.id()));
            assertThat(Long.parseLong(one.id())).isGreaterThan(Long.parseLong(lastSeen));

            notify(me, "Live again");
            assertThat(again.expect(WAIT, "the live one").json().path("title").asString()).isEqualTo("Live again");
            assertThat(again.pending()).as("nothing twice").isEmpty();
        }
    }

    @Test
    void theStreamEndsWhenTheAccessTokenExpires() {
        TestUser me = TestUser.student();
        String shortLived = TestTokens.shared().token(me,
                claims -> claims.put("exp", Instant.now().plusSeconds(3).getEpochSecond()));
        try (SseClient stream = SseClient.open(api.url("/notifications/stream"), "Bearer " + shortLived, null)) {
            assertThat(stream.status()).isEqualTo(200);
            await().atMost(WAIT).until(stream::ended);
        }
    }

    @Test
    void aLastEventIdThatIsNoEventIdIsABadRequest() {
        try (SseClient stream = open(TestUser.student(), "yesterday")) {
            assertThat(stream.status()).isEqualTo(400);
        }
    }

    private SseClient open(TestUser user, String lastEventId) {
        return SseClient.open(api.url("/notifications/stream"), TestTokens.shared().bearer(user), lastEventId);
    }

    private void notify(TestUser user, String title) {
        delivery.deliver(Delivery.inAppOnly("test:" + UUID.randomUUID(),
                new Notice(NotificationKind.REVIEW_POSTED, title, "Text.", "/api/v1/courses"), List.of(user.id())));
    }
}
