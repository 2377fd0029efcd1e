package io.skillwise.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.skillwise.gateway.support.GatewayTestBase;
import io.skillwise.gateway.support.GatewayTestInfrastructure;
import io.skillwise.gateway.support.StubService;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.SseClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway does for notification-service: the live stream (server-sent events) passes through as it is
 * written and for as long as it lasts, with its token checked like any call (the response time limit bounds the time
 * until a service starts answering, and a stream answers at once); the one-click unsubscribe link of a mail works
 * without a token; the failure list is for admins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "skillwise.gateway.resilience.response-timeout=2s",
        "skillwise.gateway.rate-limit.user.capacity=100000",
        "skillwise.gateway.rate-limit.anonymous.capacity=100000"})
class NotificationRoutesIT extends GatewayTestBase {

    @Test
    void theStreamFlowsThroughAsWrittenAndOutlivesTheResponseTimeLimit() {
        String token = issuer.student();
        List<SseClient.Event> events = new ArrayList<>();

        try (SseClient stream = SseClient.open(client.url("/api/v1/notifications/stream"), "Bearer " + token, "41")) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            for (SseClient.Event event = stream.next(Duration.ofSeconds(30)); event != null;
                 event = stream.next(Duration.ofSeconds(30))) {
                events.add(event);
                if (event.name().equals("tick") && event.data().equals("12")) {
                    break;
                }
            }
        }

        JsonNode echo = events.getFirst().json();
        assertThat(echo.get("service").asString()).isEqualTo("notification");
        assertThat(echo.get("headers").get("last-event-id").asString()).as("reconnects reach the service").isEqualTo("41");
        assertThat(echo.get("headers").get("authorization").asString()).isEqualTo("Bearer " + token);
        List<SseClient.Event> ticks = events.stream().filter(event -> event.name().equals("tick")).toList();
        assertThat(ticks).as("every event the service wrote, though it streamed longer than the 2 s limit")
                .hasSize(12);
        // the stub spaces its events 400 ms apart: arriving spread out, they were passed on as written, not buffered
        assertThat(Duration.between(events.getFirst().receivedAt(), ticks.getLast().receivedAt()))
                .isGreaterThan(Duration.ofSeconds(3));
    }

    @Test
    void aCallThatDoesNotStartAnsweringIsStillCutAtTheLimit() {
        ApiResponse slow = client.withToken(issuer.student())
                .get("/api/v1/notifications/" + UUID.randomUUID() + "/slow");

        assertThat(slow.status()).isEqualTo(504);
    }

    @Test
    void theStreamNeedsAValidToken() {
        StubService notification = GatewayTestInfrastructure.get().service("notification");
        int before = notification.received().size();

        ApiResponse anonymous = client.withHeader("Accept", "text/event-stream").get("/api/v1/notifications/stream");
        ApiResponse forged = client.withToken("not-a-token").get("/api/v1/notifications/stream");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).isEqualTo("application/problem+json");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(notification.received()).hasSize(before);
    }

    @Test
    void theUnsubscribeLinkOfAMailWorksWithoutAToken() {
        ApiResponse page = client.get("/api/v1/notifications/unsubscribe?token=abc.def");
        ApiResponse oneClick = client.postForm("/api/v1/notifications/unsubscribe?token=abc.def",
                Map.of("List-Unsubscribe", "One-Click"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("service")).isEqualTo("notification");
        assertThat(oneClick.status()).isEqualTo(200);
        assertThat(client.get("/api/v1/notifications").status()).as("everything else needs a token").isEqualTo(401);
    }

    @Test
    void mailFailuresAreForAdmins() {
        client.withToken(issuer.student()).get("/api/v1/admin/notifications/failures").assertProblem(403);
        ApiResponse admin = client.withToken(issuer.admin()).get("/api/v1/admin/notifications/failures");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.text("service")).isEqualTo("notification");
    }
}
