package io.skillwise.notification.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skillwise.devstack.infra.MailSink;
import io.skillwise.notification.Notice;
import io.skillwise.notification.NotificationKind;
import io.skillwise.notification.delivery.Delivery;
import io.skillwise.notification.delivery.DeliveryService;
import io.skillwise.notification.support.NotificationServiceTest;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.MonitoringQueries;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.skillwise.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The durable mail queue against an SMTP sink of its own (GreenMail, as on the local stack), which the tests stop and
 * start: mail survives an outage and goes out once, mail that keeps failing is given up and shown to admins, who can
 * send it again.
 */
@WithInfrastructure(mongo = true, kafka = true, tokens = true)
@TestPropertySource(properties = {
        "skillwise.notification.mail.poll-interval=200ms",
        "skillwise.notification.mail.initial-backoff=1s",
        "skillwise.notification.mail.max-backoff=2s",
        "skillwise.notification.mail.max-attempts=" + MailQueueIT.MAX_ATTEMPTS})
class MailQueueIT extends NotificationServiceTest {

    /**
     * Enough attempts (about 13 s of back-off) that a mail queued while the sink is down is still being retried when
     * a busy build machine gets round to starting the sink again; with 4 (5 s) it was sometimes given up first.
     */
    static final int MAX_ATTEMPTS = 8;

    private static final MailSink SINK = new MailSink(freePort(), freePort());

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SINK::smtpPort);
    }

    @Autowired
    DeliveryService delivery;
    @Autowired
    MeterRegistry registry;

    private final TestUser admin = TestUser.admin();

    @BeforeEach
    void sinkUp() throws IOException {
        SINK.start();
    }

    @AfterAll
    static void sinkDown() {
        SINK.stop();
    }

    @Test
    void mailQueuedWhileTheSmtpServerIsDownArrivesOnceItIsBack() throws Exception {
        TestUser buyer = TestUser.student();
        register(buyer);
        SINK.stop();
        String title = "Receipt " + UUID.randomUUID();

        deliver(buyer, title, MailContent.notice());

        JsonNode retrying = eventually(PATIENCE, () -> failureOf(buyer, "RETRYING"),
                failure -> assertThat(failure).as("a failed attempt, listed for admins").isPresent()).orElseThrow();
        assertThat(retrying.path("status").asString()).isEqualTo("PENDING");
        assertThat(retrying.path("lastError").asString()).containsIgnoringCase("connect");
        assertThat(retrying.path("nextAttemptAt").asString()).isNotBlank();

        SINK.start();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(received(buyer, title)).isEqualTo(1));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(failureOf(buyer, "ALL")).isEmpty());
        assertThat(received(buyer, title)).isEqualTo(1);
    }

    @Test
    void mailThatKeepsFailingIsGivenUpShownToAdminsAndSentWhenTheyRetryIt() throws Exception {
        TestUser stranger = TestUser.student();      // identity's event about them has not arrived
        String title = "Stranded " + UUID.randomUUID();
        deliver(stranger, title, MailContent.notice());

        JsonNode failed = eventually(PATIENCE, () -> failureOf(stranger, "FAILED"),
                failure -> assertThat(failure).as("given up").isPresent()).orElseThrow();
        assertThat(failed.path("attempts").asInt()).isEqualTo(MAX_ATTEMPTS);
        assertThat(failed.path("lastError").asString()).contains("not known");
        assertThat(failed.path("kind").asString()).isEqualTo("REVIEW_POSTED");
        assertThat(failed.path("subject").asString()).isEqualTo(title);
        String id = failed.path("id").asString();
        assertThat(api.as(TestUser.student()).get("/admin/notifications/failures").status()).isEqualTo(403);
        assertThat(api.as(TestUser.student()).post("/admin/notifications/failures/" + id + "/retry", null)
                .status()).isEqualTo(403);

        register(stranger);
        ApiResponse retried = api.as(admin).post("/admin/notifications/failures/" + id + "/retry", null);

        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
        assertThat(retried.body().path("status").asString()).isIn("PENDING", "SENDING", "SENT");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(received(stranger, title)).isEqualTo(1));
        ApiResponse notFailedAnyMore = api.as(admin).post("/admin/notifications/failures/" + id + "/retry", null);
        assertThat(notFailedAnyMore.status()).isEqualTo(409);
        assertThat(api.as(admin).post("/admin/notifications/failures/" + UUID.randomUUID() + "/retry", null)
                .status()).isEqualTo(404);
    }

    @Test
    void aMailThatCannotBeRenderedIsGivenUpAtOnce() {
        TestUser someone = TestUser.student();
        register(someone);

        deliver(someone, "Broken " + UUID.randomUUID(), MailContent.of("broken", Map.of()));

        JsonNode failed = eventually(PATIENCE, () -> failureOf(someone, "FAILED"),
                failure -> assertThat(failure).as("given up").isPresent()).orElseThrow();
        assertThat(failed.path("attempts").asInt()).isEqualTo(1);
        assertThat(failed.path("lastError").asString()).contains("cannot build the mail");
    }

    @Test
    void theFailureListIsForAdminsAndPaged() {
        assertThat(api.as(admin).get("/admin/notifications/failures?status=SOMETIMES").status()).isEqualTo(400);
        assertThat(api.as(admin).get("/admin/notifications/failures?size=500").status()).isEqualTo(400);
        ApiResponse page = api.as(admin).get("/admin/notifications/failures?status=ALL&size=1");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("size").asInt()).isEqualTo(1);
    }

    @Test
    void sentAndGivenUpMailsAreCountedPerKindAndExposedWithTheQueuesOtherMetrics() throws Exception {
        Counter sent = mailCounter("sent");
        Counter failed = mailCounter("failed");
        double sentBefore = sent.count();
        double failedBefore = failed.count();
        TestUser buyer = TestUser.student();
        register(buyer);
        TestUser stranger = TestUser.student();      // never known: given up after the last attempt
        String title = "Counted " + UUID.randomUUID();

        deliver(buyer, title, MailContent.notice());
        deliver(stranger, title, MailContent.notice());

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(received(buyer, title)).isEqualTo(1));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(sent.count()).isGreaterThanOrEqualTo(sentBefore + 1);
            assertThat(failed.count()).isGreaterThanOrEqualTo(failedBefore + 1);
        });
        assertThat(received(stranger, title)).isZero();

        Set<String> exposed = MonitoringQueries.exposedNames(ApiClient.root(port)
                .as(TestUser.service("payment-service")).get("/actuator/prometheus").assertStatus(200).text());
        MonitoringQueries.assertBusinessMetricsAreExposed(exposed, "notification-service");
    }

    private Counter mailCounter(String outcome) {
        return registry.get(MailMetrics.MAILS).tags("kind", NotificationKind.REVIEW_POSTED.name(), "outcome", outcome)
                .counter();
    }

    private void deliver(TestUser recipient, String title, MailContent mail) {
        delivery.deliver(Delivery.of("test:" + UUID.randomUUID(),
                new Notice(NotificationKind.REVIEW_POSTED, title, "Text.", "/api/v1/courses"), recipient.id())
                .withMail(mail));
    }

    private Optional<JsonNode> failureOf(TestUser recipient, String status) {
        ApiResponse page = api.as(admin).get("/admin/notifications/failures?size=100&status=" + status);
        assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
        for (JsonNode failure : page.body().path("items")) {
            if (failure.path("recipientId").asString().equals(recipient.id().toString())) {
                return Optional.of(failure);
            }
        }
        return Optional.empty();
    }

    private static long received(TestUser recipient, String subject) throws MessagingException {
        long count = 0;
        for (Message message : SINK.receivedMessages()) {
            boolean toRecipient = Arrays.stream(message.getAllRecipients())
                    .anyMatch(address -> address.toString().contains(recipient.email()));
            if (toRecipient && subject.equals(message.getSubject())) {
                count++;
            }
        }
        return count;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
