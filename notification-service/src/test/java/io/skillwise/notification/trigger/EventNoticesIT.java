package io.skillwise.notification.trigger;

import io.skillwise.events.DomainEvent;
import io.skillwise.events.catalog.CourseUnpublished;
import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.enrollment.EnrollmentRestored;
import io.skillwise.events.enrollment.EnrollmentRevoked;
import io.skillwise.events.enrollment.EnrollmentSource;
import io.skillwise.events.enrollment.EnrollmentSuspended;
import io.skillwise.events.enrollment.QuizGraded;
import io.skillwise.events.enrollment.RevocationReason;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.events.identity.UserDeactivated;
import io.skillwise.events.identity.UserRegistered;
import io.skillwise.events.identity.UserRole;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.DisputeClosed;
import io.skillwise.events.payment.DisputeOutcome;
import io.skillwise.events.payment.OrderLine;
import io.skillwise.events.payment.PaymentDisputed;
import io.skillwise.events.payment.PaymentFailed;
import io.skillwise.events.payment.PaymentRefunded;
import io.skillwise.events.payment.SubscriptionActivated;
import io.skillwise.events.payment.SubscriptionEndReason;
import io.skillwise.events.payment.SubscriptionEnded;
import io.skillwise.events.payment.SubscriptionRenewed;
import io.skillwise.events.promotion.AffiliateCommissionEarned;
import io.skillwise.events.promotion.AffiliateCommissionReversed;
import io.skillwise.events.promotion.CampaignStarted;
import io.skillwise.events.promotion.CommissionReversalReason;
import io.skillwise.events.review.ContentModerated;
import io.skillwise.events.review.ModeratedContentKind;
import io.skillwise.events.review.ModerationDecision;
import io.skillwise.events.review.ReviewPosted;
import io.skillwise.events.review.ReviewReplied;
import io.skillwise.notification.NotificationKind;
import io.skillwise.notification.replica.CourseReplica;
import io.skillwise.notification.replica.EnrollmentReplica;
import io.skillwise.notification.replica.UserReplica;
import io.skillwise.notification.support.Events;
import io.skillwise.notification.support.Mailbox;
import io.skillwise.notification.support.NotificationServiceTest;
import io.skillwise.testsupport.TestUser;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.skillwise.notification.support.Events.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Every event notification-service reacts to, published twice with the same {@code ce_id} (a redelivery), gives each
 * of its recipients the right notification and mail exactly once. A second publication with a new {@code ce_id} and
 * the same key follows on the same partition: once its notice is there, the duplicate has been processed too, so the
 * counts prove that it added nothing.
 */
class EventNoticesIT extends NotificationServiceTest {

    @Autowired
    CourseReplica courses;
    @Autowired
    UserReplica users;
    @Autowired
    EnrollmentReplica enrollments;
    @Autowired
    MongoTemplate mongo;

    /** The people and the course of one scenario, known to the replicas before its event is published. */
    record World(TestUser learner, TestUser instructor, TestUser admin, UUID courseId, String courseTitle) {
    }

    /** Who gets what: the kind, words of the title, the link, and whether a mail goes out by default. */
    record Expected(Function<World, TestUser> recipient, NotificationKind kind, String title, Function<World, String> link,
                    boolean mail, String mailText) {
    }

    record Scenario(String name, Function<World, DomainEvent> event, List<Expected> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        Instant now = Instant.now();
        UUID invoice = UUID.randomUUID();
        return Stream.of(
                new Scenario("UserRegistered: welcome", w -> new UserRegistered(w.learner().id(), w.learner().email(),
                        "Ada", List.of(UserRole.STUDENT), false, now),
                        List.of(new Expected(World::learner, NotificationKind.WELCOME, "Welcome to SkillWise, Ada",
                                w -> "/api/v1/courses", true, "Your account is ready"))),
                new Scenario("CoursePurchased: receipt with the invoice", w -> new CoursePurchased(UUID.randomUUID(),
                        w.learner().id(), List.of(new OrderLine(w.courseId(), w.instructor().id(), w.courseTitle(),
                        usd(4900), usd(0), usd(4900), usd(1470))), null, usd(4900), usd(0), null, null, null, null,
                        invoice, now, now),
                        List.of(new Expected(World::learner, NotificationKind.PURCHASE_RECEIPT, "Your receipt",
                                w -> "/api/v1/payments/invoices/" + invoice, true, "49.00 USD"))),
                new Scenario("PaymentFailed", w -> new PaymentFailed(UUID.randomUUID(), w.learner().id(),
                        List.of(w.courseId()), usd(4900), "card_declined", "Your card was declined.", now),
                        List.of(new Expected(World::learner, NotificationKind.PAYMENT_FAILED, "did not go through",
                                w -> "/api/v1/courses/" + w.courseId(), true, "Your card was declined"))),
                new Scenario("PaymentRefunded: courses lose access", w -> new PaymentRefunded(UUID.randomUUID(),
                        w.learner().id(), UUID.randomUUID(), usd(4900), List.of(w.courseId()), true, "changed my mind",
                        null, now),
                        List.of(new Expected(World::learner, NotificationKind.PAYMENT_REFUNDED, "Your refund of 49.00 USD",
                                w -> "/api/v1/payments/history", true, "no longer have access to"))),
                new Scenario("PaymentRefunded: duplicate payment", w -> new PaymentRefunded(UUID.randomUUID(),
                        w.learner().id(), UUID.randomUUID(), usd(4900), List.of(), true, null, null, now),
                        List.of(new Expected(World::learner, NotificationKind.PAYMENT_REFUNDED, "duplicate payment",
                                w -> "/api/v1/payments/history", true, "Your courses stay yours"))),
                new Scenario("PaymentDisputed: instructor and admins", w -> new PaymentDisputed(UUID.randomUUID(),
                        w.learner().id(), UUID.randomUUID(), usd(4900), List.of(w.courseId()), "fraudulent", now),
                        List.of(new Expected(World::instructor, NotificationKind.PAYMENT_DISPUTED, "is disputed",
                                        w -> "/api/v1/instructors/earnings", true, "fraudulent"),
                                new Expected(World::admin, NotificationKind.PAYMENT_DISPUTED, "is disputed",
                                        w -> "/api/v1/admin/payments", true, "fraudulent"))),
                new Scenario("DisputeClosed: lost", w -> new DisputeClosed(UUID.randomUUID(), w.learner().id(),
                        UUID.randomUUID(), DisputeOutcome.LOST, usd(4900), List.of(w.courseId()), now),
                        List.of(new Expected(World::instructor, NotificationKind.DISPUTE_CLOSED, "Dispute lost",
                                        w -> "/api/v1/instructors/earnings", true, "earnings are reversed"),
                                new Expected(World::admin, NotificationKind.DISPUTE_CLOSED, "Dispute lost",
                                        w -> "/api/v1/admin/payments", true, "earnings are reversed"))),
                new Scenario("SubscriptionActivated", w -> new SubscriptionActivated(UUID.randomUUID(), w.learner().id(),
                        "all-access-monthly", usd(1900), now, now.plus(30, ChronoUnit.DAYS), now),
                        List.of(new Expected(World::learner, NotificationKind.SUBSCRIPTION_ACTIVATED, "is active",
                                w -> "/api/v1/subscriptions", true, "19.00 USD"))),
                new Scenario("SubscriptionRenewed", w -> new SubscriptionRenewed(UUID.randomUUID(), w.learner().id(),
                        "all-access-monthly", usd(1900), now, now.plus(30, ChronoUnit.DAYS), now),
                        List.of(new Expected(World::learner, NotificationKind.SUBSCRIPTION_RENEWED, "was renewed",
                                w -> "/api/v1/subscriptions", true, "We charged 19.00 USD"))),
                new Scenario("SubscriptionEnded", w -> new SubscriptionEnded(UUID.randomUUID(), w.learner().id(),
                        "all-access-monthly", SubscriptionEndReason.PAYMENT_FAILED, now),
                        List.of(new Expected(World::learner, NotificationKind.SUBSCRIPTION_ENDED, "ended",
                                w -> "/api/v1/subscriptions", true, "could not be paid"))),
                new Scenario("StudentEnrolled: learner and instructor", w -> new StudentEnrolled(UUID.randomUUID(),
                        w.courseId(), w.learner().id(), w.instructor().id(), EnrollmentSource.FREE, null, null, now, now),
                        List.of(new Expected(World::learner, NotificationKind.ENROLLED, "You are enrolled in",
                                        w -> "/api/v1/courses/" + w.courseId(), true, "start learning"),
                                new Expected(World::instructor, NotificationKind.NEW_STUDENT, "New student in",
                                        w -> "/api/v1/instructors/courses/" + w.courseId() + "/students", false, null))),
                new Scenario("CourseCompleted: certificate", w -> new CourseCompleted(enrollmentOf(w), w.courseId(),
                        w.learner().id(), w.instructor().id(), "CERT-" + w.courseId().toString().substring(0, 8), now, now),
                        List.of(new Expected(World::learner, NotificationKind.COURSE_COMPLETED, "You completed",
                                w -> "/api/v1/enrollments/" + enrollmentOf(w) + "/certificate", true,
                                "/api/v1/certificates/CERT-"))),
                new Scenario("QuizGraded", w -> new QuizGraded(enrollmentOf(w), w.courseId(), w.learner().id(),
                        UUID.randomUUID(), UUID.randomUUID(), 1, 60, 70, false, 60, now),
                        List.of(new Expected(World::learner, NotificationKind.QUIZ_GRADED, "Quiz graded: 60%",
                                w -> "/api/v1/progress/" + w.courseId(), false, null))),
                new Scenario("EnrollmentSuspended", w -> new EnrollmentSuspended(enrollmentOf(w), w.courseId(),
                        w.learner().id(), UUID.randomUUID(), UUID.randomUUID(), now),
                        List.of(new Expected(World::learner, NotificationKind.ENROLLMENT_SUSPENDED, "is paused",
                                w -> "/api/v1/enrollments/" + enrollmentOf(w), true, "disputed"))),
                new Scenario("EnrollmentRestored", w -> new EnrollmentRestored(enrollmentOf(w), w.courseId(),
                        w.learner().id(), UUID.randomUUID(), UUID.randomUUID(), now),
                        List.of(new Expected(World::learner, NotificationKind.ENROLLMENT_RESTORED, "is back",
                                w -> "/api/v1/courses/" + w.courseId(), true, "continue where you stopped"))),
                new Scenario("EnrollmentRevoked", w -> new EnrollmentRevoked(enrollmentOf(w), w.courseId(),
                        w.learner().id(), RevocationReason.ADMIN, null, null, w.admin().id(), now),
                        List.of(new Expected(World::learner, NotificationKind.ENROLLMENT_REVOKED, "no longer have access",
                                w -> "/api/v1/enrollments/" + enrollmentOf(w), true, "An admin removed"))),
                new Scenario("CourseUnpublished by an admin: learners and instructor", w -> new CourseUnpublished(
                        w.courseId(), w.instructor().id(), w.courseTitle(), "copyright complaint", 2, w.admin().id(), now),
                        List.of(new Expected(World::learner, NotificationKind.COURSE_UNPUBLISHED, "was withdrawn",
                                        w -> "/api/v1/courses/" + w.courseId(), true, "You keep your access"),
                                new Expected(World::instructor, NotificationKind.COURSE_UNPUBLISHED, "An admin unpublished",
                                        w -> "/api/v1/courses/" + w.courseId(), true, "copyright complaint"))),
                new Scenario("AffiliateCommissionEarned", w -> new AffiliateCommissionEarned(UUID.randomUUID(),
                        UUID.randomUUID(), w.learner().id(), w.instructor().id(), UUID.randomUUID(), w.courseId(),
                        "AFF-1", usd(4900), 1000, usd(490), now),
                        List.of(new Expected(World::learner, NotificationKind.COMMISSION_EARNED, "You earned 4.90 USD",
                                w -> "/api/v1/affiliates/me", true, "10%"))),
                new Scenario("AffiliateCommissionReversed", w -> new AffiliateCommissionReversed(UUID.randomUUID(),
                        UUID.randomUUID(), w.learner().id(), w.instructor().id(), UUID.randomUUID(), w.courseId(),
                        usd(490), CommissionReversalReason.REFUNDED, now),
                        List.of(new Expected(World::learner, NotificationKind.COMMISSION_REVERSED, "was reversed",
                                w -> "/api/v1/affiliates/me", true, "was refunded"))),
                new Scenario("CampaignStarted", w -> new CampaignStarted(campaignOf(w), w.instructor().id(),
                        "Spring sale", now, now.plus(7, ChronoUnit.DAYS), List.of(w.courseId()), List.of(), now),
                        List.of(new Expected(World::instructor, NotificationKind.CAMPAIGN_STARTED, "Spring sale started",
                                w -> "/api/v1/promotions/campaigns/" + campaignOf(w) + "/report", true, "1 course(s)"))),
                new Scenario("ReviewPosted", w -> new ReviewPosted(UUID.randomUUID(), w.courseId(), w.instructor().id(),
                        w.learner().id(), 4, null, null, "Clear and well paced.", now),
                        List.of(new Expected(World::instructor, NotificationKind.REVIEW_POSTED, "New 4-star review",
                                w -> "/api/v1/courses/" + w.courseId() + "/reviews", true, "Clear and well paced."))),
                new Scenario("ReviewReplied", w -> new ReviewReplied(UUID.randomUUID(), w.courseId(), w.instructor().id(),
                        w.learner().id(), "Thank you!", false, now),
                        List.of(new Expected(World::learner, NotificationKind.REVIEW_REPLIED, "replied to your review",
                                w -> "/api/v1/courses/" + w.courseId() + "/reviews", true, "Thank you!"))),
                new Scenario("ContentModerated", w -> new ContentModerated(ModeratedContentKind.REVIEW, UUID.randomUUID(),
                        w.courseId(), w.instructor().id(), w.learner().id(), ModerationDecision.HIDDEN, "insults",
                        w.admin().id(), now),
                        List.of(new Expected(World::learner, NotificationKind.CONTENT_MODERATED, "was hidden",
                                w -> "/api/v1/courses/" + w.courseId() + "/reviews", true, "Reason: insults"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void eachEventGivesItsNoticeOnceUnderDuplicateDelivery(Scenario scenario) {
        World world = newWorld();
        DomainEvent event = scenario.event().apply(world);
        List<Integer> before = scenario.expected().stream()
                .map(expected -> notificationsOf(expected.recipient().apply(world), expected.kind().name()).size())
                .toList();
        List<Integer> mailsBefore = scenario.expected().stream()
                .map(expected -> Mailbox.of(expected.recipient().apply(world).email(), expected.title()).size())
                .toList();

        events.publishTwice(event);
        for (int i = 0; i < before.size(); i++) {
            awaitNotices(world, scenario.expected().get(i), before.get(i) + 1);
        }
        events.publish(event);                         // same key, new ce_id: processed after the duplicate

        for (int i = 0; i < before.size(); i++) {
            Expected expected = scenario.expected().get(i);
            JsonNode notice = awaitNotices(world, expected, before.get(i) + 2).getFirst();
            assertThat(notice.path("title").asString()).contains(expected.title());
            assertThat(notice.path("link").asString()).isEqualTo(expected.link().apply(world));
            assertThat(notice.path("read").asBoolean()).isFalse();
            String email = expected.recipient().apply(world).email();
            String subject = notice.path("title").asString();
            int mails = mailsBefore.get(i);
            if (expected.mail()) {
                UUID recipient = expected.recipient().apply(world).id();
                await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(email, subject))
                        .as(() -> "queued: " + mongo.find(query(where("recipientId").is(recipient.toString())),
                                Document.class, "mails"))
                        .hasSize(mails + 2));
                assertThat(Mailbox.text(Mailbox.of(email, subject).getLast())).contains(expected.mailText());
            } else {
                assertThat(Mailbox.of(email, subject)).as("no mail by default").hasSize(mails);
            }
        }
        for (int i = 0; i < before.size(); i++) {
            Expected expected = scenario.expected().get(i);
            assertThat(notificationsOf(expected.recipient().apply(world), expected.kind().name()))
                    .hasSize(before.get(i) + 2);
        }
    }

    @Test
    void anEditedReplyIsNotAnnouncedAgain() {
        World world = newWorld();
        UUID review = UUID.randomUUID();
        events.publish(new ReviewReplied(review, world.courseId(), world.instructor().id(), world.learner().id(),
                "Thanks", false, Instant.now()), new ReviewReplied(review, world.courseId(), world.instructor().id(),
                world.learner().id(), "Thanks a lot", true, Instant.now()), new ReviewPosted(UUID.randomUUID(),
                world.courseId(), world.instructor().id(), world.learner().id(), 5, null, null, "sentinel", Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notificationsOf(world.instructor(), "REVIEW_POSTED"))
                .as("the sentinel").isNotEmpty());
        assertThat(notificationsOf(world.learner(), "REVIEW_REPLIED")).hasSize(1);
    }

    @Test
    void aDeletedAccountIsForgottenAndGetsNothingLater() {
        World world = newWorld();
        TestUser gone = world.learner();
        api.as(gone).put("/notifications/preferences", Map.of("preferences", List.of(
                Map.of("kind", "QUIZ_GRADED", "inApp", true, "email", true)))).assertStatus(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(gone.email())).isNotEmpty());
        assertThat(notificationsOf(gone)).isNotEmpty();

        events.publish(new UserDeactivated(gone.id(), world.admin().id(), Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(notificationsOf(gone)).isEmpty();
            assertThat(mongo.count(query(where("recipientId").is(gone.id().toString())), "mails")).isZero();
            assertThat(mongo.count(query(where("_id").is(gone.id().toString())), "preferences")).isZero();
            assertThat(users.find(gone.id())).isEmpty();
            assertThat(enrollments.learnersOf(world.courseId())).doesNotContain(gone.id());
        });
        Document tombstone = mongo.findById(gone.id().toString(), Document.class, "users");
        assertThat(tombstone).as("only the fact that the account is gone is kept").isNotNull();
        assertThat(tombstone.keySet()).doesNotContain("email", "displayName");

        events.publish(new ReviewReplied(UUID.randomUUID(), world.courseId(), world.instructor().id(), gone.id(),
                "Too late", false, Instant.now()), new ReviewPosted(UUID.randomUUID(), world.courseId(),
                world.instructor().id(), gone.id(), 3, null, null, "sentinel", Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notificationsOf(world.instructor(), "REVIEW_POSTED"))
                .as("the sentinel").isNotEmpty());
        assertThat(notificationsOf(gone)).isEmpty();
    }

    private List<JsonNode> awaitNotices(World world, Expected expected, int count) {
        TestUser recipient = expected.recipient().apply(world);
        List<JsonNode> found = new ArrayList<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            found.clear();
            found.addAll(notificationsOf(recipient, expected.kind().name()));
            assertThat(found).hasSize(count);
        });
        return found;
    }

    /** Fresh people and a course, and the learner enrolled in it, all known to the replicas before the event. */
    private World newWorld() {
        TestUser learner = TestUser.student();
        TestUser instructor = TestUser.instructor();
        TestUser admin = TestUser.admin();
        UUID courseId = UUID.randomUUID();
        World world = new World(learner, instructor, admin, courseId, "Course " + courseId.toString().substring(0, 6));
        register(learner, instructor, admin);
        events.publish(Events.course(courseId, instructor.id(), world.courseTitle()));
        // the course first: notices name it, and the replicas are fed by another consumer group than the notices
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(courses.find(courseId)).isPresent());
        events.publish(new StudentEnrolled(enrollmentOf(world), courseId, learner.id(), instructor.id(),
                EnrollmentSource.FREE, null, null, Instant.now(), Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(enrollments.learnersOf(courseId)).contains(learner.id()));
        // the world's own notices and mails are in before a scenario counts what it adds
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(notificationsOf(learner, "WELCOME")).hasSize(1);
            assertThat(notificationsOf(learner, "ENROLLED")).hasSize(1);
            assertThat(Mailbox.of(learner.email(), "Welcome to SkillWise")).hasSize(1);
            assertThat(Mailbox.of(learner.email(), "You are enrolled in " + world.courseTitle())).hasSize(1);
        });
        return world;
    }

    private static UUID enrollmentOf(World world) {
        return UUID.nameUUIDFromBytes(("enrollment|" + world.courseId()).getBytes());
    }

    private static UUID campaignOf(World world) {
        return UUID.nameUUIDFromBytes(("campaign|" + world.courseId()).getBytes());
    }
}
