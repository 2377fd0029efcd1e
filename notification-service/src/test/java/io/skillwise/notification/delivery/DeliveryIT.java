package io.skillwise.notification.delivery;

import io.skillwise.events.identity.UserDeactivated;
import io.skillwise.notification.Notice;
import io.skillwise.notification.NotificationKind;
import io.skillwise.notification.mail.MailContent;
import io.skillwise.notification.replica.UserReplica;
import io.skillwise.notification.support.Mailbox;
import io.skillwise.notification.support.NotificationServiceTest;
import io.skillwise.testsupport.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The delivery core on its own: batches, preferences, exactly once, deleted accounts. */
@TestPropertySource(properties = "skillwise.notification.delivery.batch-size=7")
class DeliveryIT extends NotificationServiceTest {

    @Autowired
    DeliveryService delivery;
    @Autowired
    UserReplica users;

    private static Notice notice(NotificationKind kind, String title) {
        return new Notice(kind, title, "Something happened.", "/api/v1/courses");
    }

    @Test
    void repeatingADeliveryWritesAndSendsNothingTwice() {
        List<TestUser> people = List.of(TestUser.student(), TestUser.student(), TestUser.student());
        register(people.toArray(TestUser[]::new));
        Delivery once = Delivery.of("test:" + UUID.randomUUID(), notice(NotificationKind.REVIEW_POSTED, "Repeated"),
                people.stream().map(TestUser::id).toList());

        DeliveryReport first = delivery.deliver(once);
        DeliveryReport again = delivery.deliver(once);

        assertThat(first).isEqualTo(new DeliveryReport(3, 3, 3, 0));
        assertThat(again).isEqualTo(new DeliveryReport(3, 0, 0, 0));
        for (TestUser person : people) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(person.email(), "Repeated")).hasSize(1));
            assertThat(notificationsOf(person, "REVIEW_POSTED")).hasSize(1);
        }
    }

    @Test
    void eachRecipientGetsItWhereTheirPreferencesSay() {
        TestUser both = TestUser.instructor();
        TestUser mailOnly = TestUser.instructor();
        TestUser appOnly = TestUser.instructor();
        TestUser off = TestUser.instructor();
        register(both, mailOnly, appOnly, off);
        choose(mailOnly, false, true);
        choose(appOnly, true, false);
        choose(off, false, false);
        String title = "Preferences " + UUID.randomUUID();

        DeliveryReport report = delivery.deliver(Delivery.of("test:" + UUID.randomUUID(),
                notice(NotificationKind.REVIEW_POSTED, title), List.of(both.id(), mailOnly.id(), appOnly.id(), off.id())));

        assertThat(report).isEqualTo(new DeliveryReport(4, 2, 2, 0));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(Mailbox.of(both.email(), title)).hasSize(1);
            assertThat(Mailbox.of(mailOnly.email(), title)).hasSize(1);
        });
        assertThat(notificationsOf(both, "REVIEW_POSTED")).hasSize(1);
        assertThat(notificationsOf(mailOnly, "REVIEW_POSTED")).isEmpty();
        assertThat(notificationsOf(appOnly, "REVIEW_POSTED")).hasSize(1);
        assertThat(notificationsOf(off, "REVIEW_POSTED")).isEmpty();
        assertThat(Mailbox.of(appOnly.email(), title)).isEmpty();
        assertThat(Mailbox.of(off.email(), title)).isEmpty();
    }

    @Test
    void deliveriesOfOneOccasionGoOutTogetherEachAsItsOwnKindAllowsAndNeverTwice() {
        TestUser learner = TestUser.student();
        TestUser instructor = TestUser.instructor();
        register(learner, instructor);
        // the instructor wants reviews by mail only, and keeps the defaults for new students (in the app only)
        choose(instructor, false, true);
        List<UUID> crowd = IntStream.range(0, 9).mapToObj(i -> UUID.randomUUID()).toList();
        String title = "Together " + UUID.randomUUID();
        List<Delivery> occasion = List.of(
                Delivery.inAppOnly("test:" + UUID.randomUUID(), notice(NotificationKind.ENROLLED, title),
                        List.of(learner.id())),
                Delivery.of("test:" + UUID.randomUUID(), notice(NotificationKind.NEW_STUDENT, title), instructor.id()),
                Delivery.of("test:" + UUID.randomUUID(), notice(NotificationKind.REVIEW_POSTED, title), instructor.id()),
                // more recipients than one batch (7) holds
                Delivery.inAppOnly("test:" + UUID.randomUUID(), notice(NotificationKind.COURSE_UNPUBLISHED, title),
                        crowd));

        DeliveryReport first = delivery.deliverAll(occasion);
        DeliveryReport again = delivery.deliverAll(occasion);

        assertThat(first).isEqualTo(new DeliveryReport(12, 11, 1, 0));
        assertThat(again).isEqualTo(new DeliveryReport(12, 0, 0, 0));
        assertThat(notificationsOf(learner, "ENROLLED")).hasSize(1);
        assertThat(notificationsOf(instructor, "NEW_STUDENT")).hasSize(1);
        assertThat(notificationsOf(instructor, "REVIEW_POSTED")).isEmpty();
        TestUser lastOfCrowd = new TestUser(crowd.getLast(), "nobody@test.skillwise.io", true, Set.of("student"));
        assertThat(notificationsOf(lastOfCrowd)).singleElement()
                .satisfies(n -> assertThat(n.path("title").asString()).isEqualTo(title));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(instructor.email(), title)).hasSize(1));
        assertThat(Mailbox.of(learner.email(), title)).isEmpty();
    }

    @Test
    void essentialMailGoesOutWhateverThePreferences() {
        TestUser buyer = TestUser.student();
        register(buyer);
        choose(buyer, NotificationKind.PURCHASE_RECEIPT, false, true);
        String title = "Essential " + UUID.randomUUID();

        DeliveryReport report = delivery.deliver(Delivery.of("test:" + UUID.randomUUID(),
                notice(NotificationKind.PURCHASE_RECEIPT, title), buyer.id()));

        assertThat(report.inApp()).isZero();
        assertThat(report.mails()).isEqualTo(1);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(buyer.email(), title)).hasSize(1));
        assertThat(Mailbox.raw(Mailbox.of(buyer.email(), title).getFirst()))
                .as("essential mail has nothing to unsubscribe from").doesNotContain("List-Unsubscribe");
    }

    @Test
    void aLargeAudienceIsWrittenInBatchesWithOneNumberEach() {
        List<UUID> audience = IntStream.range(0, 50).mapToObj(i -> UUID.randomUUID()).toList();

        DeliveryReport report = delivery.deliver(Delivery.inAppOnly("test:" + UUID.randomUUID(),
                notice(NotificationKind.COURSE_UNPUBLISHED, "Batched"), audience));

        assertThat(report).isEqualTo(new DeliveryReport(50, 50, 0, 0));
        TestUser last = new TestUser(audience.getLast(), "nobody@test.skillwise.io", true, Set.of("student"));
        assertThat(notificationsOf(last)).singleElement()
                .satisfies(n -> assertThat(n.path("title").asString()).isEqualTo("Batched"));
    }

    @Test
    void aDeletedAccountGetsNothing() {
        TestUser gone = TestUser.student();
        register(gone);
        events.publish(new UserDeactivated(gone.id(), gone.id(), Instant.now()));
        Delivery late = Delivery.of("test:" + UUID.randomUUID(), notice(NotificationKind.REVIEW_POSTED, "Too late"),
                gone.id());

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(users.erasedAmong(List.of(gone.id()))).as("erased").contains(gone.id());
            assertThat(notificationsOf(gone)).as("the welcome is gone too").isEmpty();
        });

        assertThat(delivery.deliver(late)).isEqualTo(new DeliveryReport(1, 0, 0, 1));
        assertThat(notificationsOf(gone)).isEmpty();
    }

    @Test
    void aMisspeltTemplateIsRefusedBeforeAnythingIsWritten() {
        TestUser someone = TestUser.student();
        Delivery broken = Delivery.of("test:" + UUID.randomUUID(), notice(NotificationKind.REVIEW_POSTED, "Broken"),
                someone.id()).withMail(MailContent.of("no-such-template", Map.of()));

        assertThatThrownBy(() -> delivery.deliver(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-template");
        assertThat(notificationsOf(someone)).isEmpty();
    }

    private void choose(TestUser user, boolean inApp, boolean email) {
        choose(user, NotificationKind.REVIEW_POSTED, inApp, email);
    }

    private void choose(TestUser user, NotificationKind kind, boolean inApp, boolean email) {
        api.as(user).put("/notifications/preferences", Map.of("preferences",
                List.of(Map.of("kind", kind.name(), "inApp", inApp, "email", email)))).assertStatus(200);
    }
}
