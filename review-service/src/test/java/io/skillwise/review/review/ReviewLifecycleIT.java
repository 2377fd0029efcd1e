package io.skillwise.review.review;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.review.ContentModerated;
import io.skillwise.events.review.CourseRatingChanged;
import io.skillwise.events.review.ModerationDecision;
import io.skillwise.events.review.ReviewRemovalReason;
import io.skillwise.events.review.ReviewRemoved;
import io.skillwise.events.review.ReviewReplied;
import io.skillwise.events.review.ReviewUpdated;
import io.skillwise.review.support.ReviewApiTest;
import io.skillwise.review.support.Steps;
import io.skillwise.review.support.Steps.Learner;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static io.skillwise.review.support.Steps.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A review's life after it is written: edits, deletion, the owner's reply, helpful votes, and who may do what. */
class ReviewLifecycleIT extends ReviewApiTest {

    @Test
    void editsAndDeletionsMoveTheAggregate() {
        CoursePublished course = given.course(instructor);
        List<Learner> learners = given.learners(course, 3, Steps.ESTABLISHED);
        String path = "/courses/" + course.courseId() + "/reviews";
        String five = api.post(path, Steps.review(5, 5, 4, "Excellent examples."), learners.get(0).user())
                .text("id");
        api.post(path, Steps.review(4, 3, null, "Good overall."), learners.get(1).user());
        String two = api.post(path, Steps.review(2, null, null, "Too fast for me."), learners.get(2).user())
                .text("id");
        JsonNode before = given.ratings(course.courseId());
        assertThat(before.path("count").asLong()).isEqualTo(3);
        assertThat(before.path("average").asDouble()).isEqualTo(3.67);
        assertThat(before.path("aspects").path("contentQuality").asDouble()).isEqualTo(4.0);
        assertThat(before.path("aspects").path("instructorEffectiveness").asDouble()).isEqualTo(4.0);

        ApiResponse edited = api.patch("/reviews/" + two, Map.of("rating", 4, "instructorEffectiveness", 5),
                learners.get(2).user());

        assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
        assertThat(edited.body().path("editedAt").isMissingNode()).isFalse();
        assertThat(edited.text("comment")).isEqualTo("Too fast for me.");
        JsonNode afterEdit = given.ratings(course.courseId());
        assertThat(afterEdit.path("average").asDouble()).isEqualTo(4.33);
        assertThat(afterEdit.path("distribution").path("2").asLong()).isZero();
        assertThat(afterEdit.path("distribution").path("4").asLong()).isEqualTo(2);
        assertThat(afterEdit.path("aspects").path("instructorEffectiveness").asDouble()).isEqualTo(4.5);

        assertThat(api.delete("/reviews/" + five, learners.get(0).user()).status()).isEqualTo(204);

        JsonNode afterDelete = given.ratings(course.courseId());
        assertThat(afterDelete.path("count").asLong()).isEqualTo(2);
        assertThat(afterDelete.path("average").asDouble()).isEqualTo(4.0);
        assertThat(afterDelete.path("aspects").path("contentQuality").asDouble()).isEqualTo(3.0);
        assertThat(api.get("/reviews/" + five, learners.get(0).user()).status()).isEqualTo(404);
        assertThat(api.delete("/reviews/" + five, learners.get(0).user()).status()).isEqualTo(404);
        // deleting frees the learner's one review of the course
        given.awaitEligibility(learners.get(0).user(), course.courseId(), true);
        assertThat(given.review(learners.get(0), 3, "Second thoughts, after a month.").status()).isEqualTo(201);
        assertThat(given.ratings(course.courseId()).path("count").asLong()).isEqualTo(3);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(topics.reviewEventsOf(course.courseId(), ReviewUpdated.class)).singleElement()
                    .satisfies(updated -> assertThat(updated.rating()).isEqualTo(4));
            assertThat(topics.reviewEventsOf(course.courseId(), ReviewRemoved.class)).singleElement()
                    .satisfies(removed -> {
                        assertThat(removed.reason()).isEqualTo(ReviewRemovalReason.DELETED_BY_AUTHOR);
                        assertThat(removed.actorId()).isEqualTo(learners.get(0).id());
                    });
            CourseRatingChanged last = topics.reviewEventsOf(course.courseId(), CourseRatingChanged.class).getLast();
            assertThat(last.count()).isEqualTo(3);
            assertThat(last.average()).isEqualTo(3.67);
        });
    }

    @Test
    void courseOwnerRepliesOnceAndEditsTheReply() {
        CoursePublished course = given.course(instructor);
        Learner learner = given.learner(course);
        String id = given.reviewed(learner, 3).path("id").asString();
        String reply = "/reviews/" + id + "/reply";

        ApiResponse first = api.post(reply, Map.of("text", "Thanks! Module 2 now has more exercises."), instructor);
        ApiResponse second = api.post(reply, Map.of("text", "Another one."), instructor);
        ApiResponse edited = api.patch(reply, Map.of("text", "Thanks! Module 2 and 3 have more exercises now."),
                instructor);

        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(409);
        assertThat(edited.status()).isEqualTo(200);
        JsonNode shown = given.reviewsOf(course.courseId(), "", null).path("items").get(0).path("reply");
        assertThat(shown.path("text").asString()).isEqualTo("Thanks! Module 2 and 3 have more exercises now.");
        assertThat(shown.path("updatedAt").asString()).isNotEqualTo(shown.path("createdAt").asString());
        assertThat(api.post(reply, Map.of("text", "<a href='x'>see</a>"), instructor).status()).isEqualTo(400);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(topics.reviewEventsOf(course.courseId(),
                ReviewReplied.class)).extracting(ReviewReplied::edited).containsExactly(false, true));
    }

    @Test
    void instructorWithoutSecondFactorCannotReply() {
        CoursePublished course = given.course(instructor);
        String id = given.reviewed(given.learner(course), 4).path("id").asString();
        String token = io.skillwise.testsupport.TestTokens.shared().token(instructor,
                claims -> claims.remove("mfa_enabled"));

        ApiResponse refused = io.skillwise.testsupport.ApiCalls.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/reviews/" + id + "/reply"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"Thanks\"}")));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("type")).endsWith("/mfa-required");
    }

    @Test
    void helpfulVotesCountOncePerUserAndOrderTheList() {
        CoursePublished course = given.course(instructor);
        List<Learner> learners = given.learners(course, 3, Steps.ESTABLISHED);
        String path = "/courses/" + course.courseId() + "/reviews";
        String low = api.post(path, Steps.review(2, null, null, "Not for beginners."), learners.get(0).user())
                .text("id");
        String high = api.post(path, Steps.review(5, null, null, "Loved every lesson."), learners.get(1).user())
                .text("id");
        String middle = api.post(path, Steps.review(3, null, null, "Average."), learners.get(2).user()).text("id");
        TestUser reader = TestUser.student();
        TestUser otherReader = TestUser.student();

        assertThat(api.post("/reviews/" + low + "/helpful", Map.of(), reader).body().path("helpfulCount").asLong())
                .isEqualTo(1);
        assertThat(api.post("/reviews/" + low + "/helpful", Map.of(), otherReader).status()).isEqualTo(200);
        assertThat(api.post("/reviews/" + middle + "/helpful", Map.of(), reader).status()).isEqualTo(200);
        ApiResponse again = api.post("/reviews/" + low + "/helpful", Map.of(), reader);
        ApiResponse own = api.post("/reviews/" + low + "/helpful", Map.of(), learners.get(0).user());
        ApiResponse owner = api.post("/reviews/" + high + "/helpful", Map.of(), instructor);

        assertThat(again.status()).isEqualTo(409);
        assertThat(own.status()).isEqualTo(403);
        assertThat(owner.status()).isEqualTo(403);
        JsonNode helpful = given.reviewsOf(course.courseId(), "?sort=helpful", reader);
        assertThat(Steps.ids(helpful)).containsExactly(low, middle, high);
        assertThat(helpful.path("items").get(0).path("helpfulCount").asLong()).isEqualTo(2);
        assertThat(helpful.path("items").findValues("helpfulByMe")).extracting(JsonNode::asBoolean)
                .containsExactly(true, true, false);
        assertThat(Steps.ids(given.reviewsOf(course.courseId(), "?sort=highest", null)))
                .containsExactly(high, middle, low);
        assertThat(Steps.ids(given.reviewsOf(course.courseId(), "?sort=lowest", null)))
                .containsExactly(low, middle, high);
        assertThat(Steps.ids(given.reviewsOf(course.courseId(), "?sort=newest", null)))
                .containsExactly(middle, high, low);
        assertThat(Steps.ids(given.reviewsOf(course.courseId(), "?rating=5", null)))
                .containsExactly(high);
        JsonNode paged = given.reviewsOf(course.courseId(), "?sort=lowest&page=1&size=2", null);
        assertThat(Steps.ids(paged)).containsExactly(high);
        assertThat(paged.path("totalItems").asLong()).isEqualTo(3);
        assertThat(paged.path("totalPages").asLong()).isEqualTo(2);
        assertThat(paged.path("summary").path("distribution").path("5").asLong()).isEqualTo(1);
        assertThat(api.get(path + "?sort=cheapest", null).status()).isEqualTo(400);
        assertThat(api.get(path + "?rating=6", null).status()).isEqualTo(400);
        assertThat(api.get(path + "?size=101", null).status()).isEqualTo(400);

        assertThat(api.delete("/reviews/" + low + "/helpful", reader).body().path("helpfulCount").asLong())
                .isEqualTo(1);
        assertThat(api.delete("/reviews/" + low + "/helpful", reader).status()).isEqualTo(404);
    }

    @Test
    void nobodyEditsDeletesOrRepliesToWhatIsNotTheirs() {
        CoursePublished course = given.course(instructor);
        Learner author = given.learner(course);
        Learner classmate = given.learner(course);
        String id = given.reviewed(author, 4).path("id").asString();
        TestUser otherInstructor = TestUser.instructor();

        assertThat(api.patch("/reviews/" + id, Map.of("rating", 1), classmate.user()).status()).isEqualTo(403);
        assertThat(api.delete("/reviews/" + id, classmate.user()).status()).isEqualTo(403);
        assertThat(api.delete("/reviews/" + id, instructor).status()).isEqualTo(403);
        assertThat(api.post("/reviews/" + id + "/reply", Map.of("text", "Hi"), otherInstructor).status())
                .isEqualTo(403);
        assertThat(api.post("/reviews/" + id + "/reply", Map.of("text", "Hi"), author.user()).status())
                .isEqualTo(403);
        assertThat(api.post("/reviews/" + id + "/reply", Map.of("text", "Hi"), admin).status()).isEqualTo(403);
        assertThat(api.patch("/reviews/" + id, Map.of("rating", 1), null).status()).isEqualTo(401);
        assertThat(api.post("/reviews/" + id + "/report", Map.of("reason", "spam"), null).status()).isEqualTo(401);
        assertThat(api.get("/admin/reports", classmate.user()).status()).isEqualTo(403);
        assertThat(api.get("/admin/reports", instructor).status()).isEqualTo(403);
        assertThat(api.post("/admin/reports/reviews/" + id + "/decisions", Map.of("action", "REMOVE", "reason",
                "x"), instructor).status()).isEqualTo(403);
        assertThat(api.post("/admin/ratings/rebuild", Map.of(), instructor).status()).isEqualTo(403);
        JsonNode unchanged = api.get("/reviews/" + id, null).body();
        assertThat(unchanged.path("rating").asInt()).isEqualTo(4);
        assertThat(unchanged.has("reply")).isFalse();

        // an admin removes anyone's review, and it is logged as a moderation
        assertThat(api.delete("/reviews/" + id + "?reason=Fake%20review", admin).status()).isEqualTo(204);
        assertThat(api.get("/reviews/" + id, null).status()).isEqualTo(404);
        assertThat(given.ratings(course.courseId()).path("count").asLong()).isZero();
        JsonNode item = api.get("/admin/reports/reviews/" + id, admin).body();
        assertThat(item.path("status").asString()).isEqualTo("REMOVED");
        assertThat(item.path("actions").get(0).path("reason").asString()).isEqualTo("Fake review");
        assertThat(item.path("actions").get(0).path("moderatorId").asString()).isEqualTo(admin.id().toString());
        // a review removed by a moderator keeps its author from posting another
        assertThat(given.review(author, 5, "Trying again.").status()).isEqualTo(409);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(topics.reviewEventsOf(course.courseId(), ReviewRemoved.class)).singleElement()
                    .satisfies(removed -> assertThat(removed.reason()).isEqualTo(ReviewRemovalReason.MODERATED));
            assertThat(topics.reviewEventsOf(course.courseId(), ContentModerated.class)).singleElement()
                    .satisfies(moderated -> assertThat(moderated.decision()).isEqualTo(ModerationDecision.REMOVED));
        });
    }
}
