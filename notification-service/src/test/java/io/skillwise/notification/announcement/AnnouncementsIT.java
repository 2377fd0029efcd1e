package io.skillwise.notification.announcement;

import io.skillwise.events.enrollment.EnrollmentRevoked;
import io.skillwise.events.enrollment.RevocationReason;
import io.skillwise.notification.replica.Enrollment;
import io.skillwise.notification.replica.EnrollmentReplica;
import io.skillwise.notification.support.Mailbox;
import io.skillwise.notification.support.NotificationServiceTest;
import io.skillwise.notification.support.TestCourse;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** An instructor's announcements reach the course's learners, in the app and by mail, once; only they read them. */
class AnnouncementsIT extends NotificationServiceTest {

    @Autowired
    EnrollmentReplica enrollments;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    AnnouncementFanOut fanOut;

    @Test
    void anAnnouncementReachesTheEnrolledLearnersInTheAppAndByMailAndNobodyElse() {
        TestCourse course = publishedCourse();
        TestUser learner = enrolledIn(course);
        TestUser quiet = enrolledIn(course);
        TestUser outsider = TestUser.student();
        register(outsider);
        api.as(quiet).put("/notifications/preferences", Map.of("preferences",
                List.of(Map.of("kind", "ANNOUNCEMENT", "inApp", true, "email", false)))).assertStatus(200);

        ApiResponse posted = api.as(course.instructor()).post(announcements(course), Map.of(
                "title", "Live Q&A on Friday " + course.id(), "body", "Bring your questions\nabout chapter 3.",
                "email", true));

        assertThat(posted.status()).as(posted.toString()).isEqualTo(202);
        assertThat(posted.text("title")).isEqualTo("Live Q&A on Friday " + course.id());
        assertThat(posted.body().path("delivery").path("status").asString()).isEqualTo("PENDING");
        String announcement = announcements(course) + "/" + posted.id();
        String link = "/api/v1" + announcement;
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(notificationsOf(learner, "ANNOUNCEMENT")).singleElement().satisfies(notice -> {
                assertThat(notice.path("title").asString()).isEqualTo("Live Q&A on Friday " + course.id());
                assertThat(notice.path("text").asString()).contains(course.title(), "Bring your questions about chapter 3.");
                assertThat(notice.path("link").asString()).isEqualTo(link);
            });
            assertThat(notificationsOf(quiet, "ANNOUNCEMENT")).hasSize(1);
            assertThat(Mailbox.of(learner.email(), "Live Q&A on Friday " + course.id())).singleElement()
                    .satisfies(mail -> assertThat(Mailbox.text(mail)).contains(course.title(), "about chapter 3.")
                            .contains("/notifications/unsubscribe?token="));
            assertThat(api.as(course.instructor()).get(announcement).body().path("delivery").path("status").asString())
                    .isEqualTo("DELIVERED");
        });
        assertThat(api.as(course.instructor()).get(announcement).body().path("delivery").path("recipients").asInt())
                .isEqualTo(2);
        assertThat(Mailbox.of(quiet.email(), "Live Q&A on Friday")).as("turned announcement mail off").isEmpty();
        assertThat(notificationsOf(outsider, "ANNOUNCEMENT")).isEmpty();
        assertThat(Mailbox.of(outsider.email(), "Live Q&A on Friday")).isEmpty();
        assertThat(notificationsOf(course.instructor(), "ANNOUNCEMENT")).isEmpty();
    }

    @Test
    void withoutEmailItStaysInTheApp() {
        TestCourse course = publishedCourse();
        TestUser learner = enrolledIn(course);

        String id = api.as(course.instructor()).post(announcements(course),
                Map.of("title", "Slides are up " + course.id(), "body", "See lesson 2.")).assertStatus(202).id();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.as(course.instructor())
                .get(announcements(course) + "/" + id).body().path("delivery").path("status").asString())
                .isEqualTo("DELIVERED"));
        assertThat(notificationsOf(learner, "ANNOUNCEMENT")).hasSize(1);
        assertThat(Mailbox.of(learner.email(), "Slides are up")).isEmpty();
    }

    @Test
    void aFanOutThatDiedHalfwayIsCompletedWithoutTellingAnyoneTwice() {
        TestCourse course = publishedCourse();
        TestUser learner = enrolledIn(course);
        String id = api.as(course.instructor()).post(announcements(course), Map.of("title", "Exam dates " + course.id(),
                "body", "Monday.", "email", true)).assertStatus(202).id();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(learner.email(), "Exam dates")).hasSize(1));

        // as if the instance telling it died before it could record that it had: the lease lapsed, another claims it
        mongo.updateFirst(query(where("_id").is(id)), new Update().set("status", Announcement.Status.DELIVERING)
                .set("leaseOwner", "a-dead-instance").set("leaseUntil", Instant.now().minusSeconds(1)),
                Announcement.class);
        fanOut.wake();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mongo.findById(id, Announcement.class))
                .satisfies(again -> {
                    assertThat(again.status()).isEqualTo(Announcement.Status.DELIVERED);
                    assertThat(again.attempts()).isEqualTo(2);
                }));
        assertThat(notificationsOf(learner, "ANNOUNCEMENT")).hasSize(1);
        assertThat(Mailbox.of(learner.email(), "Exam dates")).hasSize(1);
    }

    @Test
    void onlyTheCoursesInstructorPosts() {
        TestCourse course = publishedCourse();
        TestUser learner = enrolledIn(course);
        TestUser otherInstructor = TestUser.instructor();
        Map<String, Object> announcement = Map.of("title", "Hello", "body", "Hi all.");

        api.as(otherInstructor).post(announcements(course), announcement).assertProblem(403);
        api.as(learner).post(announcements(course), announcement).assertProblem(403);
        api.as(TestUser.admin()).post(announcements(course), announcement).assertProblem(403);
        api.as(course.instructor()).post("/courses/" + UUID.randomUUID() + "/announcements", announcement)
                .assertProblem(404);
        api.anonymous().post(announcements(course), announcement).assertProblem(401);

        assertThat(api.as(course.instructor()).get(announcements(course)).assertStatus(200).items()).isEmpty();
    }

    @Test
    void invalidInputIsRefusedAndStoresNothing() {
        TestCourse course = publishedCourse();
        String tooLong = "x".repeat(5001);
        List<Object> refused = List.of(
                Map.of("body", "no title"),
                Map.of("title", " ", "body", "blank title"),
                Map.of("title", "t".repeat(201), "body", "long title"),
                Map.of("title", "no body"),
                Map.of("title", "long body", "body", tooLong),
                Map.of("title", "unknown field", "body", "b", "pinned", true),
                Map.of("title", "email not a boolean", "body", "b", "email", "often"),
                "not json");

        for (Object body : refused) {
            api.as(course.instructor()).post(announcements(course), body).assertProblem(400);
        }
        api.as(course.instructor()).post("/courses/not-a-uuid/announcements", Map.of("title", "t", "body", "b"))
                .assertProblem(400);

        assertThat(api.as(course.instructor()).get(announcements(course)).assertStatus(200).items()).isEmpty();
    }

    @Test
    void theLearnersWithAccessTheInstructorAndAdminsReadThemAndNobodyElse() {
        TestCourse course = publishedCourse();
        TestUser learner = enrolledIn(course);
        TestUser revoked = enrolledIn(course);
        UUID revokedEnrollment = enrollments.find(course.id(), revoked.id()).map(Enrollment::id).orElseThrow();
        events.publish(new EnrollmentRevoked(revokedEnrollment, course.id(), revoked.id(), RevocationReason.ADMIN,
                null, null, UUID.randomUUID(), Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(enrollments.learnersOf(course.id()))
                .doesNotContain(revoked.id()));
        String first = api.as(course.instructor()).post(announcements(course), Map.of("title", "First",
                "body", "One.")).assertStatus(202).id();
        String second = api.as(course.instructor()).post(announcements(course), Map.of("title", "Second",
                "body", "Two.")).assertStatus(202).id();

        ApiResponse learnersView = api.as(learner).get(announcements(course)).assertStatus(200);
        assertThat(learnersView.items("id")).containsExactly(second, first);
        assertThat(learnersView.items().getFirst().path("delivery").isNull()
                || learnersView.items().getFirst().path("delivery").isMissingNode())
                .as("learners do not see how far delivery has got").isTrue();
        assertThat(api.as(learner).get(announcements(course) + "/" + first).text("body")).isEqualTo("One.");
        assertThat(api.as(TestUser.admin()).get(announcements(course)).assertStatus(200).items()).hasSize(2);
        assertThat(api.as(course.instructor()).get(announcements(course) + "?size=1&page=1").assertStatus(200)
                .items("id")).containsExactly(first);

        api.as(revoked).get(announcements(course)).assertProblem(403);
        api.as(TestUser.student()).get(announcements(course)).assertProblem(403);
        api.as(TestUser.student()).get(announcements(course) + "/" + first).assertProblem(403);
        api.anonymous().get(announcements(course)).assertProblem(401);
        api.as(learner).get(announcements(course) + "?size=101").assertProblem(400);

        TestCourse other = publishedCourse();
        api.as(other.instructor()).get(announcements(other) + "/" + first).assertProblem(404);
        api.as(learner).get("/courses/" + UUID.randomUUID() + "/announcements").assertProblem(404);
    }

    private static String announcements(TestCourse course) {
        return course.path("/announcements");
    }
}
