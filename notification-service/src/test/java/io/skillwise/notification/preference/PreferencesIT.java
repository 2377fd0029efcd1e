package io.skillwise.notification.preference;

import io.skillwise.notification.Notice;
import io.skillwise.notification.NotificationKind;
import io.skillwise.notification.delivery.Delivery;
import io.skillwise.notification.delivery.DeliveryService;
import io.skillwise.notification.support.Mailbox;
import io.skillwise.notification.support.NotificationServiceTest;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Preferences per kind, and the one-click unsubscribe link of non-essential mail. */
class PreferencesIT extends NotificationServiceTest {

    @Autowired
    DeliveryService delivery;

    @Test
    void everyKindIsListedWithItsDefaults() {
        JsonNode preferences = api.as(TestUser.student()).get("/notifications/preferences").body().path("preferences");

        assertThat(preferences).hasSize(NotificationKind.values().length);
        assertThat(kind(preferences, "PURCHASE_RECEIPT").path("essential").asBoolean()).isTrue();
        assertThat(kind(preferences, "PURCHASE_RECEIPT").path("email").asBoolean()).isTrue();
        assertThat(kind(preferences, "QUIZ_GRADED").path("essential").asBoolean()).isFalse();
        assertThat(kind(preferences, "QUIZ_GRADED").path("inApp").asBoolean()).isTrue();
        assertThat(kind(preferences, "QUIZ_GRADED").path("email").asBoolean()).as("off until chosen").isFalse();
        assertThat(kind(preferences, "REVIEW_POSTED").path("description").asString()).isNotBlank();
    }

    @Test
    void aUserChangesSomeKindsAndKeepsTheOthers() {
        TestUser me = TestUser.instructor();

        ApiResponse changed = put(me, List.of(
                Map.of("kind", "QUIZ_GRADED", "inApp", true, "email", true),
                Map.of("kind", "REVIEW_POSTED", "inApp", false, "email", false),
                Map.of("kind", "PURCHASE_RECEIPT", "inApp", false, "email", true)));

        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        JsonNode now = api.as(me).get("/notifications/preferences").body().path("preferences");
        assertThat(kind(now, "QUIZ_GRADED").path("email").asBoolean()).isTrue();
        assertThat(kind(now, "REVIEW_POSTED").path("inApp").asBoolean()).isFalse();
        assertThat(kind(now, "REVIEW_POSTED").path("email").asBoolean()).isFalse();
        assertThat(kind(now, "PURCHASE_RECEIPT").path("inApp").asBoolean()).isFalse();
        assertThat(kind(now, "ENROLLED").path("email").asBoolean()).as("untouched").isTrue();
    }

    @Test
    void anInvalidChangeIsRefusedWholeAndStoresNothing() {
        TestUser me = TestUser.student();
        Map<String, Object> fine = Map.of("kind", "QUIZ_GRADED", "inApp", false, "email", true);

        List<ApiResponse> refused = List.of(
                put(me, List.of(fine, Map.of("kind", "NO_SUCH_KIND", "inApp", true, "email", true))),
                put(me, List.of(fine, Map.of("kind", "PURCHASE_RECEIPT", "inApp", true, "email", false))),
                put(me, List.of(fine, fine)),
                put(me, List.of(fine, Map.of("kind", "ENROLLED", "inApp", true))),
                put(me, List.of()),
                api.as(me).put("/notifications/preferences", "{\"preferences\": \"all\"}"),
                api.as(me).put("/notifications/preferences", "not json"));

        for (ApiResponse answer : refused) {
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(refused.get(0).body().path("detail").asString()).contains("NO_SUCH_KIND");
        assertThat(refused.get(1).body().path("detail").asString()).contains("essential");
        assertThat(refused.get(3).body().path("errors").get(0).path("field").asString()).contains("email");
        JsonNode now = api.as(me).get("/notifications/preferences").body().path("preferences");
        assertThat(kind(now, "QUIZ_GRADED").path("inApp").asBoolean()).as("nothing of it was stored").isTrue();
        assertThat(kind(now, "QUIZ_GRADED").path("email").asBoolean()).isFalse();
    }

    @Test
    void theUnsubscribeLinkOfAMailTurnsThatKindOfMailOffWithOneClick() throws Exception {
        TestUser instructor = TestUser.instructor();
        register(instructor);
        String title = "Review " + UUID.randomUUID();
        delivery.deliver(Delivery.of("test:" + UUID.randomUUID(),
                new Notice(NotificationKind.REVIEW_POSTED, title, "Five stars.", "/api/v1/courses"), instructor.id()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(instructor.email(), title)).hasSize(1));
        Map<String, Object> mail = Mailbox.of(instructor.email(), title).getFirst();
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(Mailbox.raw(mail).getBytes(StandardCharsets.UTF_8)));
        assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String header = message.getHeader("List-Unsubscribe", null);
        URI link = URI.create(header.substring(1, header.length() - 1));
        assertThat(Mailbox.text(mail)).contains(link.toString());

        ApiResponse page = anonymous("GET", link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(new String(page.raw(), StandardCharsets.UTF_8)).contains("<form method=\"post\"")
                .contains(NotificationKind.REVIEW_POSTED.description());
        assertThat(kind(api.as(instructor).get("/notifications/preferences").body().path("preferences"), "REVIEW_POSTED")
                .path("email").asBoolean()).as("opening the page changes nothing").isTrue();

        ApiResponse done = anonymous("POST", link);
        assertThat(done.status()).isEqualTo(200);
        assertThat(anonymous("POST", link).status()).as("twice is fine").isEqualTo(200);
        JsonNode review = kind(api.as(instructor).get("/notifications/preferences").body().path("preferences"),
                "REVIEW_POSTED");
        assertThat(review.path("email").asBoolean()).isFalse();
        assertThat(review.path("inApp").asBoolean()).isTrue();

        String after = "After " + UUID.randomUUID();
        var report = delivery.deliver(Delivery.of("test:" + UUID.randomUUID(),
                new Notice(NotificationKind.REVIEW_POSTED, after, "Four stars.", null), instructor.id()));
        assertThat(report.mails()).isZero();
        assertThat(report.inApp()).isEqualTo(1);
    }

    @Test
    void aTamperedOrMissingTokenIsRefusedAndChangesNothing() {
        TestUser me = TestUser.student();
        URI base = URI.create(api.url("/notifications/unsubscribe"));
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((me.id() + ":ENROLLED").getBytes(StandardCharsets.UTF_8)) + ".AAAA";

        for (String query : List.of("?token=" + forged, "?token=garbage", "?token=a.b.c", "")) {
            ApiResponse answer = anonymous("POST", URI.create(base + query));
            assertThat(answer.status()).as(query).isEqualTo(400);
        }
        assertThat(kind(api.as(me).get("/notifications/preferences").body().path("preferences"), "ENROLLED")
                .path("email").asBoolean()).isTrue();
    }

    private ApiResponse put(TestUser user, List<Map<String, Object>> choices) {
        return api.as(user).put("/notifications/preferences", Map.of("preferences", choices));
    }

    /** The link as a mail client would call it, without a token, against this service. */
    private ApiResponse anonymous(String method, URI link) {
        ApiClient here = ApiClient.root(port);
        String path = link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery());
        return method.equals("POST") ? here.postForm(path, Map.of("List-Unsubscribe", "One-Click")) : here.get(path);
    }

    private static JsonNode kind(JsonNode preferences, String kind) {
        for (JsonNode preference : preferences) {
            if (preference.path("kind").asString().equals(kind)) {
                return preference;
            }
        }
        throw new AssertionError("no preference for " + kind);
    }
}
