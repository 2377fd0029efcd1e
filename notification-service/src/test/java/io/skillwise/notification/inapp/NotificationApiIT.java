package io.skillwise.notification.inapp;

import io.skillwise.notification.Notice;
import io.skillwise.notification.NotificationKind;
import io.skillwise.notification.delivery.Delivery;
import io.skillwise.notification.delivery.DeliveryService;
import io.skillwise.notification.support.NotificationServiceTest;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.ServiceChecks;
import io.skillwise.testsupport.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-app notifications API: own notifications only, paged, unread filter, marking read. */
class NotificationApiIT extends NotificationServiceTest {

    @Autowired
    DeliveryService delivery;

    private void notify(TestUser user, String title) {
        delivery.deliver(Delivery.inAppOnly("test:" + UUID.randomUUID(),
                new Notice(NotificationKind.REVIEW_POSTED, title, "Text of " + title, "/api/v1/courses"),
                List.of(user.id())));
    }

    @Test
    void aUserListsTheirOwnNotificationsNewestFirstInPages() {
        TestUser me = TestUser.student();
        TestUser someoneElse = TestUser.student();
        for (int i = 1; i <= 5; i++) {
            notify(me, "Mine " + i);
        }
        notify(someoneElse, "Not mine");

        ApiResponse first = api.as(me).get("/notifications?page=0&size=2");
        ApiResponse last = api.as(me).get("/notifications?page=2&size=2");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("totalItems").asLong()).isEqualTo(5);
        assertThat(first.body().path("totalPages").asLong()).isEqualTo(3);
        assertThat(titles(first)).containsExactly("Mine 5", "Mine 4");
        assertThat(titles(last)).containsExactly("Mine 1");
        JsonNode notice = first.body().path("items").get(0);
        assertThat(notice.path("kind").asString()).isEqualTo("REVIEW_POSTED");
        assertThat(notice.path("text").asString()).isEqualTo("Text of Mine 5");
        assertThat(notice.path("link").asString()).isEqualTo("/api/v1/courses");
        assertThat(notice.path("read").asBoolean()).isFalse();
        assertThat(notice.path("createdAt").asString()).isNotBlank();
    }

    @Test
    void markingReadChangesTheUnreadListAndCount() {
        TestUser me = TestUser.student();
        notify(me, "One");
        notify(me, "Two");
        String one = idOf(me, "One");

        ApiResponse marked = api.as(me).patch("/notifications/" + one + "/read", null);
        ApiResponse again = api.as(me).patch("/notifications/" + one + "/read", null);

        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.body().path("read").asBoolean()).isTrue();
        assertThat(marked.body().path("readAt").asString()).isNotBlank();
        assertThat(again.status()).as("marking it again is fine").isEqualTo(200);
        assertThat(titles(api.as(me).get("/notifications?unread=true"))).containsExactly("Two");
        assertThat(api.as(me).get("/notifications/unread-count").body().path("unread").asLong()).isEqualTo(1);

        ApiResponse all = api.as(me).post("/notifications/read-all", null);
        assertThat(all.body().path("marked").asLong()).isEqualTo(1);
        assertThat(api.as(me).get("/notifications/unread-count").body().path("unread").asLong()).isZero();
        assertThat(api.as(me).get("/notifications?unread=true").body().path("items")).isEmpty();
    }

    @Test
    void nobodyReadsOrMarksSomeoneElsesNotification() {
        TestUser owner = TestUser.student();
        TestUser intruder = TestUser.student();
        notify(owner, "Private");
        String id = idOf(owner, "Private");

        ApiResponse attempt = api.as(intruder).patch("/notifications/" + id + "/read", null);
        ApiResponse everything = api.as(intruder).post("/notifications/read-all", null);

        assertThat(attempt.status()).isEqualTo(403);
        assertThat(attempt.contentType()).startsWith("application/problem+json");
        assertThat(everything.body().path("marked").asLong()).isZero();
        assertThat(api.as(intruder).get("/notifications").body().path("totalItems").asLong()).isZero();
        assertThat(api.as(owner).get("/notifications/unread-count").body().path("unread").asLong())
                .as("still unread for its owner").isEqualTo(1);
    }

    @Test
    void badRequestsAreProblemsAndChangeNothing() {
        TestUser me = TestUser.student();
        notify(me, "Stays unread");

        assertThat(api.as(me).get("/notifications?size=0").status()).isEqualTo(400);
        assertThat(api.as(me).get("/notifications?size=101").status()).isEqualTo(400);
        assertThat(api.as(me).get("/notifications?page=-1").status()).isEqualTo(400);
        assertThat(api.as(me).get("/notifications?unread=maybe").status()).isEqualTo(400);
        ApiResponse notAnId = api.as(me).patch("/notifications/not-a-uuid/read", null);
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.contentType()).startsWith("application/problem+json");
        api.as(me).patch("/notifications/" + UUID.randomUUID() + "/read", null).assertProblem(404);
        assertThat(api.as(me).get("/notifications/unread-count").body().path("unread").asLong()).isEqualTo(1);
    }

    @Test
    void everyNotificationEndpointNeedsAToken() {
        ServiceChecks.assertRefusesCallsWithoutValidToken(port, "/api/v1/notifications");
        ServiceChecks.assertRefusesCallsWithoutValidToken(port, "/api/v1/notifications/unread-count");
        ServiceChecks.assertRefusesCallsWithoutValidToken(port, "/api/v1/notifications/preferences");
        ServiceChecks.assertRefusesCallsWithoutValidToken(port, "/api/v1/notifications/stream");
        ServiceChecks.assertRefusesCallsWithoutValidToken(port, "/api/v1/admin/notifications/failures");
    }

    private String idOf(TestUser user, String title) {
        return notificationsOf(user).stream().filter(n -> n.path("title").asString().equals(title)).findFirst()
                .orElseThrow().path("id").asString();
    }

    private static List<String> titles(ApiResponse page) {
        return page.body().path("items").valueStream().map(n -> n.path("title").asString()).toList();
    }
}
