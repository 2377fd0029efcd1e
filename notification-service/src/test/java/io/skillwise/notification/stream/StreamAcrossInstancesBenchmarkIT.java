package io.skillwise.notification.stream;

import io.skillwise.notification.Notice;
import io.skillwise.notification.NotificationKind;
import io.skillwise.notification.delivery.Delivery;
import io.skillwise.notification.delivery.DeliveryService;
import io.skillwise.notification.support.NotificationServiceTest;
import io.skillwise.notification.support.SecondInstance;
import io.skillwise.testsupport.BenchmarkReport;
import io.skillwise.testsupport.SseClient;
import io.skillwise.testsupport.TestTokens;
import io.skillwise.testsupport.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How soon a notification written by one instance reaches a client whose stream is open on another (the issue asks
 * for "within a second"): instance A delivers one notification at a time, a client of instance B reads it; from the
 * call to the delivery core on A to the event read by the client. Prints p50/p95/max and records them in
 * {@code docs/benchmarks.md}; asserts only that every notification arrived. Opt-in like every benchmark
 * ({@code -Dskillwise.benchmark=true}); TwoInstancesIT proves the behaviour in every build.
 */
@EnabledIfSystemProperty(named = "skillwise.benchmark", matches = "true")
class StreamAcrossInstancesBenchmarkIT extends NotificationServiceTest {

    private static final int NOTIFICATIONS = 30;

    @Autowired
    DeliveryService deliveryOnA;
    @Autowired
    Environment environment;

    @Test
    void notificationsWrittenOnOneInstanceReachAStreamOnAnother() {
        double load = BenchmarkReport.loadAverage();
        TestUser me = TestUser.student();
        long[] millis = new long[NOTIFICATIONS];
        try (SecondInstance instanceB = new SecondInstance(environment);
             SseClient stream = SseClient.open(instanceB.streamUrl(), TestTokens.shared().bearer(me), null)) {
            assertThat(stream.nextComment(Duration.ofSeconds(30))).isEqualTo("connected");
            for (int i = 0; i < NOTIFICATIONS; i++) {
                Instant written = Instant.now();
                deliveryOnA.deliver(Delivery.inAppOnly("bench:" + UUID.randomUUID(),
                        new Notice(NotificationKind.REVIEW_POSTED, "Across " + i, "Text.", null), List.of(me.id())));
                SseClient.Event event = stream.expect(Duration.ofSeconds(30), "notification " + i);
                assertThat(event.json().path("title").asString()).isEqualTo("Across " + i);
                millis[i] = Duration.between(written, event.receivedAt()).toMillis();
            }
        }
        Arrays.sort(millis);
        String row = String.format(Locale.ROOT, "| %d | %d | %d | %d |", NOTIFICATIONS, millis[NOTIFICATIONS / 2],
                millis[(int) Math.ceil(NOTIFICATIONS * 0.95) - 1], millis[NOTIFICATIONS - 1]);
        System.out.println("[benchmark] notification on A -> stream on B (ms): n, p50, p95, max " + row);
        BenchmarkReport.record("notification-stream", "Live notifications across instances (notification-service)",
                "`StreamAcrossInstancesBenchmarkIT` (`./mvnw -pl notification-service verify "
                        + "-Dit.test=StreamAcrossInstancesBenchmarkIT`): two instances on one Mongo stand-in database; "
                        + "a client holds the stream of instance B open while instance A delivers notifications one "
                        + "at a time; from the call to the delivery core on A to the event read by the client of B "
                        + "(B polls every 250 ms). Budget: within a second.\n\n"
                        + "| notifications | p50 ms | p95 ms | max ms |\n|---|---|---|---|\n" + row, load);
    }
}
