package io.skillwise.gateway;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.skillwise.gateway.support.GatewayClient.Reply;
import io.skillwise.gateway.support.GatewayTestBase;
import io.skillwise.gateway.support.GatewayTestInfrastructure;
import io.skillwise.gateway.support.StubService;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Line(String text, Instant at) {
    }

    @Test
    void theStreamFlowsThroughAsWrittenAndOutlivesTheResponseTimeLimit() throws Exception {
        String token = issuer.student();

        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                client.request("/api/v1/notifications/stream").header("Authorization", "Bearer " + token)
                        .header("Last-Event-ID", "41").timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        List<Line> lines = new ArrayList<>();
        try (Stream<String> body = response.body()) {
            body.forEach(line -> lines.add(new Line(line, Instant.now())));
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        JsonNode echo = JSON.readTree(lines.stream().filter(l -> l.text().startsWith("data: {")).findFirst()
                .orElseThrow().text().substring("data: ".length()));
        assertThat(echo.get("service").asString()).isEqualTo("notification");
        assertThat(echo.get("headers").get("last-event-id").asString()).as("reconnects reach the service").isEqualTo("41");
        assertThat(echo.get("headers").get("authorization").asString()).isEqualTo("Bearer " + token);
        List<Line> ticks = lines.stream().filter(l -> l.text().startsWith("data: ") && !l.text().startsWith("data: {"))
                .toList();
        assertThat(ticks).as("every event the service wrote, though it streamed longer than the 2 s limit")
                .hasSize(12);
        // the stub spaces its events 400 ms apart: arriving spread out, they were passed on as written, not buffered
        assertThat(Duration.between(lines.getFirst().at(), ticks.getLast().at())).isGreaterThan(Duration.ofSeconds(3));
    }

    @Test
    void aCallThatDoesNotStartAnsweringIsStillCutAtTheLimit() {
        Reply slow = client.getWithToken("/api/v1/notifications/" + UUID.randomUUID() + "/slow", issuer.student());

        assertThat(slow.status()).isEqualTo(504);
    }

    @Test
    void theStreamNeedsAValidToken() {
        StubService notification = GatewayTestInfrastructure.get().service("notification");
        int before = notification.received().size();

        Reply anonymous = client.get("/api/v1/notifications/stream", "Accept", "text/event-stream");
        Reply forged = client.get("/api/v1/notifications/stream", "Authorization", "Bearer not-a-token");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(notification.received()).hasSize(before);
    }

    @Test
    void theUnsubscribeLinkOfAMailWorksWithoutAToken() throws IOException, InterruptedException {
        Reply page = client.get("/api/v1/notifications/unsubscribe?token=abc.def");
        HttpResponse<String> oneClick = HttpClient.newHttpClient().send(
                client.request("/api/v1/notifications/unsubscribe?token=abc.def")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("service").asString()).isEqualTo("notification");
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(client.get("/api/v1/notifications").status()).as("everything else needs a token").isEqualTo(401);
    }

    @Test
    void mailFailuresAreForAdmins() {
        assertThat(client.getWithToken("/api/v1/admin/notifications/failures", issuer.student()).status())
                .isEqualTo(403);
        Reply admin = client.getWithToken("/api/v1/admin/notifications/failures", issuer.admin());
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().get("service").asString()).isEqualTo("notification");
    }
}
