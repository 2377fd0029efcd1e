package io.skillwise.review.moderation;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.notification.DiscussionPostReported;
import io.skillwise.events.review.ContentModerated;
import io.skillwise.events.review.CourseRatingChanged;
import io.skillwise.events.review.ModeratedContentKind;
import io.skillwise.events.review.ModerationDecision;
import io.skillwise.events.review.ReviewEvent;
import io.skillwise.events.review.ReviewPosted;
import io.skillwise.events.review.ReviewRemovalReason;
import io.skillwise.events.review.ReviewRemoved;
import io.skillwise.review.support.Events;
import io.skillwise.review.support.ReviewApiTest;
import io.skillwise.review.support.Steps;
import io.skillwise.review.support.Steps.Learner;
import io.skillwise.testsupport.TopicRecords;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.skillwise.review.support.Steps.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Screening, reports, the moderation queue over reviews and discussion posts, decisions and their log. */
class ModerationIT extends ReviewApiTest {

    @Test
    void bannedTermGoesToPendingAndCountsOnlyOnceApproved() {
        CoursePublished course = given.course(instructor);
        Learner learner = given.learner(course);

        ApiResponse held = given.review(learner, 5, "Holy shit, this course is good.");

        assertThat(held.status()).isEqualTo(201);
        assertThat(held.text("status")).isEqualTo("PENDING");
        String id = held.text("id");
        assertThat(given.reviewsOf(course.courseId(), "", null).path("totalItems").asLong()).isZero();
        assertThat(given.ratings(course.courseId()).path("count").asLong()).isZero();
        assertThat(api.get("/reviews/" + id).status()).isEqualTo(404);
        assertThat(api.as(TestUser.student()).get("/reviews/" + id).status()).isEqualTo(404);
        assertThat(api.as(learner.user()).get("/courses/" + course.courseId() + "/reviews/mine").text("status"))
                .isEqualTo("PENDING");
        JsonNode queued = item(id);
        assertThat(queued.path("open").asBoolean()).isTrue();
        assertThat(queued.path("flags").findValuesAsString("")).isEmpty();
        assertThat(queued.path("flags").get(0).asString()).isEqualTo("BANNED_TERM");
        assertThat(queued.path("author").path("suspend").path("href").asString())
                .isEqualTo("/api/v1/users/" + learner.id());
        assertThat(queued.path("author").path("suspend").path("body").path("enabled").asBoolean()).isFalse();

        ApiResponse approved = decide("reviews", id, "APPROVE", null);

        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("VISIBLE");
        assertThat(given.ratings(course.courseId()).path("count").asLong()).isEqualTo(1);
        assertThat(given.reviewsOf(course.courseId(), "", null).path("totalItems").asLong()).isEqualTo(1);
        assertThat(decide("reviews", id, "APPROVE", null).status()).as("nothing left to approve").isEqualTo(409);
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<ReviewEvent> events = given.eventsOf(course.courseId(), ReviewEvent.class);
            assertThat(events).hasExactlyElementsOfTypes(ReviewPosted.class, ContentModerated.class,
                    CourseRatingChanged.class);
            assertThat(((ContentModerated) events.get(1)).decision()).isEqualTo(ModerationDecision.APPROVED);
        });
    }

    @Test
    void reportedReviewIsQueuedMostReportedFirstThenHiddenAndRestored() {
        CoursePublished course = given.course(instructor);
        List<Learner> learners = given.learners(course, 2, Steps.ESTABLISHED);
        String once = given.reviewed(learners.get(0), 4).path("id").asString();
        String twice = given.reviewed(learners.get(1), 1).path("id").asString();
        TestUser first = TestUser.student();
        TestUser second = TestUser.instructor();

        assertThat(report(once, first).status()).isEqualTo(202);
        assertThat(report(twice, first).status()).isEqualTo(202);
        assertThat(report(twice, second).status()).isEqualTo(202);
        assertThat(report(twice, first).status()).as("once per user").isEqualTo(409);
        assertThat(report(twice, learners.get(1).user()).status()).as("own review").isEqualTo(403);
        assertThat(api.as(first).post("/reviews/" + twice + "/report", Map.of("reason", " ")).status()).isEqualTo(400);

        JsonNode queue = api.as(admin).get("/admin/reports?kind=REVIEW&size=100").body();
        List<String> order = new ArrayList<>();
        queue.path("items").forEach(item -> order.add(item.path("contentId").asString()));
        assertThat(order).containsSubsequence(twice, once);
        JsonNode top = item(twice);
        assertThat(top.path("reportCount").asInt()).isEqualTo(2);
        assertThat(top.path("reports")).hasSize(2);
        assertThat(top.path("openedAt").asString()).as("in the queue since the first report").isNotBlank();
        assertThat(top.path("reports").get(0).path("reason").asString()).isEqualTo("Looks fake to me.");
        assertThat(given.reviewsOf(course.courseId(), "", null).path("totalItems").asLong())
                .as("reported reviews stay visible until decided").isEqualTo(2);

        assertThat(decide("reviews", twice, "HIDE", null).status()).as("hiding needs a reason").isEqualTo(400);
        ApiResponse hidden = decide("reviews", twice, "HIDE", "Insults the instructor.");

        assertThat(hidden.status()).isEqualTo(200);
        assertThat(hidden.body().path("open").asBoolean()).isFalse();
        JsonNode authorView = api.as(learners.get(1).user()).get("/courses/" + course.courseId() + "/reviews/mine")
                .body();
        assertThat(authorView.path("status").asString()).isEqualTo("HIDDEN");
        assertThat(authorView.path("hiddenReason").asString()).isEqualTo("Insults the instructor.");
        assertThat(Steps.ids(given.reviewsOf(course.courseId(), "", null))).containsExactly(once);
        assertThat(given.ratings(course.courseId()).path("average").asDouble()).isEqualTo(4.0);
        assertThat(api.get("/reviews/" + twice).status()).isEqualTo(404);
        assertThat(decide("reviews", twice, "APPROVE", null).status()).isEqualTo(409);

        assertThat(decide("reviews", twice, "RESTORE", null).status()).isEqualTo(200);
        assertThat(given.ratings(course.courseId()).path("average").asDouble()).isEqualTo(2.5);
        assertThat(decide("reviews", twice, "RESTORE", null).status()).isEqualTo(409);

        JsonNode log = api.as(admin).get("/admin/reports/actions?kind=REVIEW&moderatorId=" + admin.id()).body();
        assertThat(log.path("totalItems").asLong()).isEqualTo(2);
        assertThat(log.path("items").get(0).path("action").asString()).isEqualTo("RESTORE");
        assertThat(log.path("items").get(1).path("action").asString()).isEqualTo("HIDE");
        assertThat(log.path("items").get(1).path("reason").asString()).isEqualTo("Insults the instructor.");
        assertThat(log.path("items").get(1).path("at").asString()).isNotBlank();
        assertThat(item(twice).path("actions")).hasSize(2);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(given.eventsOf(course.courseId(), ReviewRemoved.class)).singleElement()
                    .satisfies(removed -> {
                        assertThat(removed.reason()).isEqualTo(ReviewRemovalReason.MODERATED);
                        assertThat(removed.actorId()).isEqualTo(admin.id());
                    });
            assertThat(given.eventsOf(course.courseId(), ContentModerated.class))
                    .extracting(ContentModerated::decision, ContentModerated::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ModerationDecision.HIDDEN,
                                    "Insults the instructor."),
                            org.assertj.core.groups.Tuple.tuple(ModerationDecision.RESTORED, null));
        });
    }

    @Test
    void hiddenReviewEditedByItsAuthorGoesBackToAModerator() {
        CoursePublished course = given.course(instructor);
        Learner learner = given.learner(course);
        String id = given.reviewed(learner, 2).path("id").asString();
        decide("reviews", id, "HIDE", "Please leave out the personal attack.");

        ApiResponse edited = api.as(learner.user()).patch("/reviews/" + id,
                Map.of("comment", "Too fast for beginners."));

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.text("status")).isEqualTo("PENDING");
        assertThat(item(id).path("open").asBoolean()).isTrue();
        assertThat(given.ratings(course.courseId()).path("count").asLong()).isZero();
        assertThat(decide("reviews", id, "APPROVE", null).status()).isEqualTo(200);
        assertThat(given.ratings(course.courseId()).path("count").asLong()).isEqualTo(1);
    }

    @Test
    void screeningHoldsLinksContactDetailsRepeatedTextAndCopies() {
        CoursePublished course = given.course(instructor);
        List<Learner> learners = given.learners(course, 6, Steps.ESTABLISHED);

        assertThat(given.review(learners.get(0), 5, "Better version at www.cheap-courses.example.com").text("status"))
                .isEqualTo("PENDING");
        assertThat(given.review(learners.get(1), 5, "Private lessons: call +49 170 1234567").text("status"))
                .isEqualTo("PENDING");
        assertThat(given.review(learners.get(2), 5, "Great great great great course").text("status"))
                .isEqualTo("PENDING");
        String original = "The exercises after every module made the ideas stick, highly recommended to anyone.";
        assertThat(given.review(learners.get(3), 5, original).text("status")).isEqualTo("VISIBLE");
        assertThat(given.review(learners.get(4), 5, original.toUpperCase()).text("status")).isEqualTo("PENDING");
        assertThat(given.review(learners.get(5), 4, "Good pace, e.g. the Node.js module. 10/10 again").text("status"))
                .isEqualTo("VISIBLE");

        JsonNode queue = api.as(admin).get("/admin/reports?kind=REVIEW&size=100").body();
        List<String> flags = new ArrayList<>();
        queue.path("items").forEach(item -> item.path("flags").forEach(flag -> flags.add(flag.asString())));
        assertThat(flags).contains("LINK", "CONTACT_DETAILS", "REPEATED_TEXT");
        assertThat(given.ratings(course.courseId()).path("count").asLong()).isEqualTo(2);
    }

    @Test
    void aBurstOfLowRatingsFromNewAccountsIsHeld() {
        CoursePublished course = given.course(instructor);
        List<Learner> fresh = given.learners(course, 4, Duration.ofHours(1));
        Learner established = given.learner(course);

        List<String> statuses = new ArrayList<>();
        for (Learner learner : fresh.subList(0, 3)) {
            statuses.add(given.review(learner, 1, "Terrible, do not buy.").text("status"));
        }
        String praise = given.review(fresh.get(3), 5, "Actually it is very good.").text("status");
        String honest = given.review(established, 1, "Not my style, sorry.").text("status");

        assertThat(statuses).containsExactly("VISIBLE", "VISIBLE", "PENDING");
        assertThat(praise).isEqualTo("VISIBLE");
        assertThat(honest).isEqualTo("VISIBLE");
        JsonNode queue = api.as(admin).get("/admin/reports?kind=REVIEW&size=100").body();
        List<String> flags = new ArrayList<>();
        queue.path("items").forEach(item -> item.path("flags").forEach(flag -> flags.add(flag.asString())));
        assertThat(flags).contains("RATING_BOMBING");
    }

    @Test
    void reportedDiscussionPostsJoinTheQueueAndTheDecisionGoesBackToNotification() {
        UUID courseId = UUID.randomUUID();
        UUID postId = UUID.randomUUID();
        UUID author = UUID.randomUUID();
        DiscussionPostReported first = Events.postReported(postId, courseId, instructor.id(), author,
                UUID.randomUUID(), "Buy followers at my site");
        DiscussionPostReported second = Events.postReported(postId, courseId, instructor.id(), author,
                UUID.randomUUID(), "Buy followers at my site!");
        ProducerRecord<String, String> firstRecord = TopicRecords.cloudEvent(first);
        // the first report is delivered twice (a producer retry), and must count once
        topics.send(List.of(firstRecord, TopicRecords.cloudEvent(second), firstRecord));

        await().atMost(PATIENCE).untilAsserted(() -> {
            ApiResponse item = api.as(admin).get("/admin/reports/discussion-posts/" + postId);
            assertThat(item.status()).isEqualTo(200);
            assertThat(item.body().path("reportCount").asInt()).isEqualTo(2);
        });
        JsonNode queue = api.as(admin).get("/admin/reports?kind=DISCUSSION_POST&size=100").body();
        assertThat(queue.path("items").findValuesAsString("contentId")).contains(postId.toString());
        JsonNode item = api.as(admin).get("/admin/reports/discussion-posts/" + postId).body();
        assertThat(item.path("kind").asString()).isEqualTo("DISCUSSION_POST");
        assertThat(item.path("text").asString()).isEqualTo("Buy followers at my site!");
        assertThat(item.path("totalReports").asInt()).isEqualTo(2);
        JsonNode both = api.as(admin).get("/admin/reports?size=100").body();
        assertThat(both.path("items").findValuesAsString("kind")).contains("DISCUSSION_POST");

        ApiResponse removed = decide("discussion-posts", postId.toString(), "REMOVE", "Advertising.");

        assertThat(removed.status()).as(removed.body().toString()).isEqualTo(200);
        assertThat(removed.text("status")).isEqualTo("REMOVED");
        assertThat(decide("discussion-posts", postId.toString(), "RESTORE", null).status()).isEqualTo(409);
        assertThat(decide("discussion-posts", UUID.randomUUID().toString(), "REMOVE", "x").status()).isEqualTo(404);
        assertThat(decide("podcasts", postId.toString(), "REMOVE", "x").status()).isEqualTo(404);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(given.eventsOf(courseId,
                ContentModerated.class)).singleElement().satisfies(moderated -> {
                    assertThat(moderated.contentKind()).isEqualTo(ModeratedContentKind.DISCUSSION_POST);
                    assertThat(moderated.contentId()).isEqualTo(postId);
                    assertThat(moderated.authorId()).isEqualTo(author);
                    assertThat(moderated.decision()).isEqualTo(ModerationDecision.REMOVED);
                    assertThat(moderated.reason()).isEqualTo("Advertising.");
                    assertThat(moderated.moderatorId()).isEqualTo(admin.id());
                }));

        // a late report of the removed post is kept, but the post does not come back into the queue
        topics.publish(Events.postReported(postId, courseId, instructor.id(), author, UUID.randomUUID(), "Spam"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.as(admin)
                .get("/admin/reports/discussion-posts/" + postId).body().path("totalReports").asInt()).isEqualTo(3));
        assertThat(api.as(admin).get("/admin/reports/discussion-posts/" + postId).body().path("open").asBoolean())
                .isFalse();
        assertThat(api.as(admin).get("/admin/reports/actions?kind=DISCUSSION_POST").body().path("items")
                .findValuesAsString("contentId")).contains(postId.toString());
    }

    @Test
    void queueRefusesBadParameters() {
        assertThat(api.as(admin).get("/admin/reports?kind=PODCAST").status()).isEqualTo(400);
        assertThat(api.as(admin).get("/admin/reports?size=0").status()).isEqualTo(400);
        assertThat(api.as(admin).get("/admin/reports?page=1000&size=100").status()).isEqualTo(400);
        assertThat(api.as(admin).post("/admin/reports/reviews/" + UUID.randomUUID() + "/decisions",
                Map.of("action", "BAN")).status()).isEqualTo(400);
        assertThat(api.get("/admin/reports").status()).isEqualTo(401);
    }

    private ApiResponse report(String reviewId, TestUser reporter) {
        return api.as(reporter).post("/reviews/" + reviewId + "/report", Map.of("reason", "Looks fake to me."));
    }

    private ApiResponse decide(String kind, String id, String action, String reason) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("action", action);
        if (reason != null) {
            body.put("reason", reason);
        }
        return api.as(admin).post("/admin/reports/" + kind + "/" + id + "/decisions", body);
    }

    private JsonNode item(String reviewId) {
        ApiResponse item = api.as(admin).get("/admin/reports/reviews/" + reviewId);
        assertThat(item.status()).as(item.body().toString()).isEqualTo(200);
        return item.body();
    }
}
