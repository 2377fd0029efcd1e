package io.skillwise.notification.announcement;

import io.skillwise.events.enrollment.EnrollmentRevoked;
import io.skillwise.events.enrollment.RevocationReason;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.notification.replica.CourseReplica;
import io.skillwise.notification.replica.Enrollment;
import io.skillwise.notification.replica.EnrollmentReplica;
import io.skillwise.notification.support.Events;
import io.skillwise.notification.support.Mailbox;
import io.skillwise.notification.support.NotificationServiceTest;
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
    CourseReplica courses;
    @Autowired
    EnrollmentReplica enrollments;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    AnnouncementFanOut fanOut;

    @Test
    void anAnnouncementReachesTheEnrolledLearnersInTheAppAndByMailAndNobodyElse() {
        Course course = course();
        TestUser learner = course.enrol();
        TestUser quiet = course.enrol();
        TestUser outsider = TestUser.student();
        register(outsider);
        api.as(quiet).put("/notifications/preferences", Map.of("preferences",
                List.of(Map.of("kind", "ANNOUNCEMENT", "inApp", true, "email", false)))).assertStatus(200);

        ApiResponse posted = api.as(course.instructor).post(course.announcements(), Map.of(
                "title", "Live Q&A on Friday " + course.id, "body", "Bring your questions\nabout chapter 3.",
                "email", true));

        assertThat(posted.status()).as(posted.toString()).isEqualTo(202);
        assertThat(posted.text("title")).isEqualTo("Live Q&A on Friday " + course.id);
        assertThat(posted.body().path("delivery").path("status").asString()).isEqualTo("PENDING");
        String announcement = course.announcements() + "/" + posted.id();
        String link = "/api/v1" + announcement;
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(notificationsOf(learner, "ANNOUNCEMENT")).singleElement().satisfies(notice -> {
                assertThat(notice.path("title").asString()).isEqualTo("Live Q&A on Friday " + course.id);
                assertThat(notice.path("text").asString()).contains(course.title, "Bring your questions about chapter 3.");
                assertThat(notice.path("link").asString()).isEqualTo(link);
            });
            assertThat(notificationsOf(quiet, "ANNOUNCEMENT")).hasSize(1);
            assertThat(Mailbox.of(learner.email(), "Live Q&A on Friday " + course.id)).singleElement()
                    .satisfies(mail -> assertThat(Mailbox.text(mail)).contains(course.title, "about chapter 3.")
                            .contains("/notifications/unsubscribe?token="));
            assertThat(api.as(course.instructor).get(announcement).body().path("delivery").path("status").asString())
                    .isEqualTo("DELIVERED");
        });
        assertThat(api.as(course.instructor).get(announcement).body().path("delivery").path("recipients").asInt())
                .isEqualTo(2);
        assertThat(Mailbox.of(quiet.email(), "Live Q&A on Friday")).as("turned announcement mail off").isEmpty();
        assertThat(notificationsOf(outsider, "ANNOUNCEMENT")).isEmpty();
        assertThat(Mailbox.of(outsider.email(), "Live Q&A on Friday")).isEmpty();
        assertThat(notificationsOf(course.instructor, "ANNOUNCEMENT")).isEmpty();
    }

    @Test
    void withoutEmailItStaysInTheApp() {
        Course course = course();
        TestUser learner = course.enrol();

        String id = api.as(course.instructor).post(course.announcements(),
                Map.of("title", "Slides are up " + course.id, "body", "See lesson 2.")).assertStatus(202).id();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.as(course.instructor)
                .get(course.announcements() + "/" + id).body().path("delivery").path("status").asString())
                .isEqualTo("DELIVERED"));
        assertThat(notificationsOf(learner, "ANNOUNCEMENT")).hasSize(1);
        assertThat(Mailbox.of(learner.email(), "Slides are up")).isEmpty();
    }

    @Test
    void aFanOutThatDiedHalfwayIsCompletedWithoutTellingAnyoneTwice() {
        Course course = course();
        TestUser learner = course.enrol();
        String id = api.as(course.instructor).post(course.announcements(), Map.of("title", "Exam dates " + course.id,
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
        Course course = course();
        TestUser learner = course.enrol();
        TestUser otherInstructor = TestUser.instructor();
        Map<String, Object> announcement = Map.of("title", "Hello", "body", "Hi all.");

        api.as(otherInstructor).post(course.announcements(), announcement).assertProblem(403);
        api.as(learner).post(course.announcements(), announcement).assertProblem(403);
        api.as(TestUser.admin()).post(course.announcements(), announcement).assertProblem(403);
        api.as(course.instructor).post("/courses/" + UUID.randomUUID() + "/announcements", announcement)
                .assertProblem(404);
        api.anonymous().post(course.announcements(), announcement).assertProblem(401);

        assertThat(api.as(course.instructor).get(course.announcements()).assertStatus(200).items()).isEmpty();
    }

    @Test
    void invalidInputIsRefusedAndStoresNothing() {
        Course course = course();
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
            api.as(course.instructor).post(course.announcements(), body).assertProblem(400);
        }
        api.as(course.instructor).post("/courses/not-a-uuid/announcements", Map.of("title", "t", "body", "b"))
                .assertProblem(400);

        assertThat(api.as(course.instructor).get(course.announcements()).assertStatus(200).items()).isEmpty();
    }

    @Test
    void theLearnersWithAccessTheInstructorAndAdminsReadThemAndNobodyElse() {
        Course course = course();
        TestUser learner = course.enrol();
        TestUser revoked = course.enrol();
        UUID revokedEnrollment = enrollments.find(course.id, revoked.id()).map(Enrollment::id).orElseThrow();
        events.publish(new EnrollmentRevoked(revokedEnrollment, course.id, revoked.id(), RevocationReason.ADMIN,
                null, null, UUID.randomUUID(), Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(enrollments.learnersOf(course.id))
                .doesNotContain(revoked.id()));
        String first = api.as(course.instructor).post(course.announcements(), Map.of("title", "First",
                "body", "One.")).assertStatus(202).id();
        String second = api.as(course.instructor).post(course.announcements(), Map.of("title", "Second",
                "body", "Two.")).assertStatus(202).id();

        ApiResponse learnersView = api.as(learner).get(course.announcements()).assertStatus(200);
        assertThat(learnersView.items("id")).containsExactly(second, first);
        assertThat(learnersView.items().getFirst().path("delivery").isNull()
                || learnersView.items().getFirst().path("delivery").isMissingNode())
                .as("learners do not see how far delivery has got").isTrue();
        assertThat(api.as(learner).get(course.announcements() + "/" + first).text("body")).isEqualTo("One.");
        assertThat(api.as(TestUser.admin()).get(course.announcements()).assertStatus(200).items()).hasSize(2);
        assertThat(api.as(course.instructor).get(course.announcements() + "?size=1&page=1").assertStatus(200)
                .items("id")).containsExactly(first);

        api.as(revoked).get(course.announcements()).assertProblem(403);
        api.as(TestUser.student()).get(course.announcements()).assertProblem(403);
        api.as(TestUser.student()).get(course.announcements() + "/" + first).assertProblem(403);
        api.anonymous().get(course.announcements()).assertProblem(401);
        api.as(learner).get(course.announcements() + "?size=101").assertProblem(400);

        Course other = course();
        api.as(other.instructor).get(other.announcements() + "/" + first).assertProblem(404);
        api.as(learner).get("/courses/" + UUID.randomUUID() + "/announcements").assertProblem(404);
    }

    /** A fresh course known to the replicas, with its instructor. */
    private Course course() {
        TestUser instructor = TestUser.instructor();
        register(instructor);
        UUID id = UUID.randomUUID();
        String title = "Course " + id.toString().substring(0, 8);
        events.publish(Events.course(id, instructor.id(), title));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(courses.find(id)).isPresent());
        return new Course(id, title, instructor);
    }

    private final class Course {

        final UUID id;
        final String title;
        final TestUser instructor;

        Course(UUID id, String title, TestUser instructor) {
            this.id = id;
            this.title = title;
            this.instructor = instructor;
        }

        String announcements() {
            return "/courses/" + id + "/announcements";
        }

        /** A new learner, known to the replicas and enrolled in the course. */
        TestUser enrol() {
            TestUser learner = TestUser.student();
            register(learner);
            StudentEnrolled enrolled = Events.enrolled(id, learner.id(), instructor.id());
            events.publish(enrolled);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(enrollments.learnersOf(id)).contains(learner.id()));
            return learner;
        }
    }
}
