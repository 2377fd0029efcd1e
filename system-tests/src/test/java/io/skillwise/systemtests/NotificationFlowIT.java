package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.testsupport.SseClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.skillwise.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #13's notifications on the local platform, through the gateway: a buyer holds the live notification stream
 * open through the gateway, buys a course on the local checkout page, and gets the receipt three ways -- as an event on
 * the stream, in {@code GET /notifications} with the invoice link, and as one mail in the SMTP sink whose invoice link
 * points at the gateway. The stream then outlives the gateway's 10 s response limit (a heartbeat after 15 s of
 * silence comes through). And an instructor's announcement to a course reaches its learner by mail and in the app,
 * and not someone who did not buy it.
 */
class NotificationFlowIT {

    private static final long PRICE = 4900;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static DevStack platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void aPurchaseGivesAReceiptOnTheStreamInTheListAndByMail() throws Exception {
        PlatformUsers.Session instructor = PlatformUsers.instructor(platform);
        String title = "Notification flow " + UUID.randomUUID().toString().substring(0, 6);
        UUID courseId = PublishedCourses.paid(platform, instructor, PublishedCourses.category(platform), title, PRICE);
        PlatformUsers.Session buyer = PlatformUsers.verifiedStudent(platform);
        String subject = "Your receipt: " + title;

        try (SseClient stream = SseClient.open(PlatformUsers.api(platform).url("/notifications/stream"),
                "Bearer " + buyer.token(), null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.nextComment(PATIENCE)).isEqualTo("connected");

            LocalCheckout.pay(LocalCheckout.create(buyer, courseId).path("checkoutUrl").asString());

            SseClient.Event live = receiptOn(stream);
            JsonNode receipt = live.json();
            assertThat(receipt.path("title").asString()).isEqualTo(subject);
            String invoiceLink = receipt.path("link").asString();
            assertThat(invoiceLink).startsWith("/api/v1/payments/invoices/");
            System.out.printf("[notification] receipt written -> event through the gateway: %d ms%n",
                    Duration.between(Instant.parse(receipt.path("createdAt").asString()), live.receivedAt()).toMillis());

            List<JsonNode> receipts = buyer.client().get("/notifications?unread=true").assertStatus(200).items()
                    .stream().filter(n -> n.path("kind").asString().equals("PURCHASE_RECEIPT")).toList();
            assertThat(receipts).singleElement().satisfies(n -> {
                assertThat(n.path("link").asString()).isEqualTo(invoiceLink);
                assertThat(n.path("id").asString()).isEqualTo(receipt.path("id").asString());
            });
            buyer.client().get(platform.gatewayUrl() + invoiceLink).assertStatus(200);

            Map<String, Object> mail = eventually(PATIENCE, () -> Mailbox.withSubject(platform, buyer, subject),
                    mails -> assertThat(mails).as("the receipt in the mailbox").isNotEmpty()).getFirst();
            assertThat(String.valueOf(mail.get("text"))).contains(platform.gatewayUrl() + invoiceLink)
                    .contains("49.00 USD");
            assertThat(Mailbox.withSubject(platform, buyer, subject)).hasSize(1);

            assertThat(stream.nextComment(PATIENCE)).as("the stream lives on through the gateway past its 10 s limit")
                    .isEqualTo("heartbeat");
            assertThat(stream.ended()).isFalse();
        }
    }

    @Test
    void anInstructorsAnnouncementReachesTheEnrolledLearnerAndNotAnOutsider() throws Exception {
        PlatformUsers.Session instructor = PlatformUsers.instructor(platform);
        String title = "Announcement flow " + UUID.randomUUID().toString().substring(0, 6);
        UUID courseId = PublishedCourses.paid(platform, instructor, PublishedCourses.category(platform), title, PRICE);
        PlatformUsers.Session learner = PlatformUsers.verifiedStudent(platform);
        PlatformUsers.Session outsider = PlatformUsers.verifiedStudent(platform);
        String announcements = "/courses/" + courseId + "/announcements";
        LocalCheckout.pay(LocalCheckout.create(learner, courseId).path("checkoutUrl").asString());
        // notification-service learns of the enrollment from enrollment-service's event
        eventually(PATIENCE, () -> learner.client().get(announcements),
                response -> assertThat(response.status()).as("the learner may read the course's announcements")
                        .isEqualTo(200));
        String subject = "Office hours moved " + UUID.randomUUID().toString().substring(0, 6);

        String id = instructor.client().post(announcements, Map.of("title", subject,
                "body", "This week's office hours are on Thursday.", "email", true)).assertStatus(202).id();

        Map<String, Object> mail = eventually(PATIENCE, () -> Mailbox.withSubject(platform, learner, subject),
                mails -> assertThat(mails).as("the announcement in the learner's mailbox").isNotEmpty()).getFirst();
        assertThat(String.valueOf(mail.get("text"))).contains(title, "office hours are on Thursday",
                platform.gatewayUrl() + "/api/v1/courses/" + courseId + "/announcements/" + id);
        assertThat(learner.client().get("/notifications").assertStatus(200).items()).anySatisfy(notice -> {
            assertThat(notice.path("kind").asString()).isEqualTo("ANNOUNCEMENT");
            assertThat(notice.path("title").asString()).isEqualTo(subject);
        });
        assertThat(learner.client().get(announcements + "/" + id).assertStatus(200).text("title")).isEqualTo(subject);
        eventually(PATIENCE, () -> instructor.client().get(announcements + "/" + id),
                response -> assertThat(response.body().path("delivery").path("status").asString())
                        .isEqualTo("DELIVERED"));
        assertThat(Mailbox.withSubject(platform, outsider, subject)).isEmpty();
        outsider.client().get(announcements).assertStatus(403);
        assertThat(Mailbox.withSubject(platform, learner, subject)).hasSize(1);
    }


    private static SseClient.Event receiptOn(SseClient stream) {
        for (SseClient.Event event = stream.next(PATIENCE); event != null; event = stream.next(PATIENCE)) {
            if (event.json().path("kind").asString().equals("PURCHASE_RECEIPT")) {
                return event;
            }
        }
        throw new AssertionError("no receipt on the stream within " + PATIENCE + " of the last event");
    }
}
