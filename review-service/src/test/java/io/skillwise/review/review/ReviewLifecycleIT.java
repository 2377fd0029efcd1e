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
import io.skillwise.testsupport.TestTokens;
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
        String five = api.as(learners.get(0).user()).post(path, Steps.review(5, 5, 4, "Excellent examples."))
                .text("id");
        api.as(learners.get(1).user()).post(path, Steps.review(4, 3, null, "Good overall."));
        String two = api.as(learners.get(2).user()).post(path, Steps.review(2, null, null, "Too fast for me."))
                .text("id");
        JsonNode before = given.ratings(course.courseId());
        assertThat(before.path("count").asLong()).isEqualTo(3);
        assertThat(before.path("average").asDouble()).isEqualTo(3.67);
        assertThat(before.path("aspects").path("contentQuality").asDouble()).isEqualTo(4.0);
        assertThat(before.path("aspects").path("instructorEffectiveness").asDouble()).isEqualTo(4.0);

        ApiResponse edited = api.as(learners.get(2).user()).patch("/reviews/" + two,
                Map.of("rating", 4, "instructorEffectiveness", 5));

        assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
        assertThat(edited.body().path("editedAt").isMissingNode()).isFalse();
        assertThat(edited.text("comment")).isEqualTo("Too fast for me.");
        JsonNode afterEdit = given.ratings(course.courseId());
        assertThat(afterEdit.path("average").asDouble()).isEqualTo(4.33);
        assertThat(afterEdit.path("distribution").path("2").asLong()).isZero();
        assertThat(afterEdit.path("distribution").path("4").asLong()).isEqualTo(2);
        assertThat(afterEdit.path("aspects").path("instructorEffectiveness").asDouble()).isEqualTo(4.5);

        assertThat(api.as(learners.get(0).user()).delete("/reviews/" + five).status()).isEqualTo(204);

        JsonNode afterDelete = given.ratings(course.courseId());
        assertThat(afterDelete.path("count").asLong()).isEqualTo(2);
        assertThat(afterDelete.path("average").asDouble()).isEqualTo(4.0);
        assertThat(afterDelete.path("aspects").path("contentQuality").asDouble()).isEqualTo(3.0);
        assertThat(api.as(learners.get(0).user()).get("/reviews/" + five).status()).isEqualTo(404);
        assertThat(api.as(learners.get(0).user()).delete("/reviews/" + five).status()).isEqualTo(404);
        // deleting frees the learner's one review of the course
        given.awaitEligibility(learners.get(0).user(), course.courseId(), true);
        assertThat(given.review(learners.get(0), 3, "Second thoughts, after a month.").status()).isEqualTo(201);
        assertThat(given.ratings(course.courseId()).path("count").asLong()).isEqualTo(3);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(given.eventsOf(course.courseId(), ReviewUpdated.class)).singleElement()
                    .satisfies(updated -> assertThat(updated.rating()).isEqualTo(4));
            assertThat(given.eventsOf(course.courseId(), ReviewRemoved.class)).singleElement()
                    .satisfies(removed -> {
                        assertThat(removed.reason()).isEqualTo(ReviewRemovalReason.DELETED_BY_AUTHOR);
                        assertThat(removed.actorId()).isEqualTo(learners.get(0).id());
                    });
            CourseRatingChanged last = given.eventsOf(course.courseId(), CourseRatingChanged.class).getLast();
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

        ApiResponse first = api.as(instructor).post(reply, Map.of("text", "Thanks! Module 2 now has more exercises."));
        ApiResponse second = api.as(instructor).post(reply, Map.of("text", "Another one."));
        ApiResponse edited = api.as(instructor).patch(reply,
                Map.of("text", "Thanks! Module 2 and 3 have more exercises now."));

        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(409);
        assertThat(edited.status()).isEqualTo(200);
        JsonNode shown = given.reviewsOf(course.courseId(), "", null).path("items").get(0).path("reply");
        assertThat(shown.path("text").asString()).isEqualTo("Thanks! Module 2 and 3 have more exercises now.");
        assertThat(shown.path("updatedAt").asString()).isNotEqualTo(shown.path("createdAt").asString());
        assertThat(api.as(instructor).post(reply, Map.of("text", "<a href='x'>see</a>")).status()).isEqualTo(400);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(given.eventsOf(course.courseId(),
                ReviewReplied.class)).extracting(ReviewReplied::edited).containsExactly(false, true));
    }

    @Test
    void instructorWithoutSecondFactorCannotReply() {
        CoursePublished course = given.course(instructor);
        String id = given.reviewed(given.learner(course), 4).path("id").asString();
        String withoutSecondFactor = TestTokens.shared().token(instructor, claims -> claims.remove("mfa_enabled"));

        ApiResponse refused = api.withToken(withoutSecondFactor).post("/reviews/" + id + "/reply",
                Map.of("text", "Thanks"));

        assertThat(refused.assertProblem(403).text("type")).endsWith("/mfa-required");
    }

    @Test
    void helpfulVotesCountOncePerUserAndOrderTheList() {
        CoursePublished course = given.course(instructor);
        List<Learner> learners = given.learners(course, 3, Steps.ESTABLISHED);
        String path = "/courses/" + course.courseId() + "/reviews";
        String low = api.as(learners.get(0).user()).post(path, Steps.review(2, null, null, "Not for beginners."))
                .text("id");
        String high = api.as(learners.get(1).user()).post(path, Steps.review(5, null, null, "Loved every lesson."))
                .text("id");
        String middle = api.as(learners.get(2).user()).post(path, Steps.review(3, null, null, "Average.")).text("id");
        TestUser reader = TestUser.student();
        TestUser otherReader = TestUser.student();

        assertThat(api.as(reader).post("/reviews/" + low + "/helpful", Map.of()).body().path("helpfulCount").asLong())
                .isEqualTo(1);
        assertThat(api.as(otherReader).post("/reviews/" + low + "/helpful", Map.of()).status()).isEqualTo(200);
        assertThat(api.as(reader).post("/reviews/" + middle + "/helpful", Map.of()).status()).isEqualTo(200);
        ApiResponse again = api.as(reader).post("/reviews/" + low + "/helpful", Map.of());
        ApiResponse own = api.as(learners.get(0).user()).post("/reviews/" + low + "/helpful", Map.of());
        ApiResponse owner = api.as(instructor).post("/reviews/" + high + "/helpful", Map.of());

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
        assertThat(api.get(path + "?sort=cheapest").status()).isEqualTo(400);
        assertThat(api.get(path + "?rating=6").status()).isEqualTo(400);
        assertThat(api.get(path + "?size=101").status()).isEqualTo(400);

        assertThat(api.as(reader).delete("/reviews/" + low + "/helpful").body().path("helpfulCount").asLong())
                .isEqualTo(1);
        assertThat(api.as(reader).delete("/reviews/" + low + "/helpful").status()).isEqualTo(404);
    }

    @Test
    void nobodyEditsDeletesOrRepliesToWhatIsNotTheirs() {
        CoursePublished course = given.course(instructor);
        Learner author = given.learner(course);
        Learner classmate = given.learner(course);
        String id = given.reviewed(author, 4).path("id").asString();
        TestUser otherInstructor = TestUser.instructor();

        assertThat(api.as(classmate.user()).patch("/reviews/" + id, Map.of("rating", 1)).status()).isEqualTo(403);
        assertThat(api.as(classmate.user()).delete("/reviews/" + id).status()).isEqualTo(403);
        assertThat(api.as(instructor).delete("/reviews/" + id).status()).isEqualTo(403);
        assertThat(api.as(otherInstructor).post("/reviews/" + id + "/reply", Map.of("text", "Hi")).status())
                .isEqualTo(403);
        assertThat(api.as(author.user()).post("/reviews/" + id + "/reply", Map.of("text", "Hi")).status())
                .isEqualTo(403);
        assertThat(api.as(admin).post("/reviews/" + id + "/reply", Map.of("text", "Hi")).status()).isEqualTo(403);
        assertThat(api.patch("/reviews/" + id, Map.of("rating", 1)).status()).isEqualTo(401);
        assertThat(api.post("/reviews/" + id + "/report", Map.of("reason", "spam")).status()).isEqualTo(401);
        assertThat(api.as(classmate.user()).get("/admin/reports").status()).isEqualTo(403);
        assertThat(api.as(instructor).get("/admin/reports").status()).isEqualTo(403);
        assertThat(api.as(instructor).post("/admin/reports/reviews/" + id + "/decisions",
                Map.of("action", "REMOVE", "reason", "x")).status()).isEqualTo(403);
        assertThat(api.as(instructor).post("/admin/ratings/rebuild", Map.of()).status()).isEqualTo(403);
        JsonNode unchanged = api.get("/reviews/" + id).body();
        assertThat(unchanged.path("rating").asInt()).isEqualTo(4);
        assertThat(unchanged.has("reply")).isFalse();

        // an admin removes anyone's review, and it is logged as a moderation
        assertThat(api.as(admin).delete("/reviews/" + id + "?reason=Fake%20review").status()).isEqualTo(204);
        assertThat(api.get("/reviews/" + id).status()).isEqualTo(404);
        assertThat(given.ratings(course.courseId()).path("count").asLong()).isZero();
        JsonNode item = api.as(admin).get("/admin/reports/reviews/" + id).body();
        assertThat(item.path("status").asString()).isEqualTo("REMOVED");
        assertThat(item.path("actions").get(0).path("reason").asString()).isEqualTo("Fake review");
        assertThat(item.path("actions").get(0).path("moderatorId").asString()).isEqualTo(admin.id().toString());
        // a review removed by a moderator keeps its author from posting another
        assertThat(given.review(author, 5, "Trying again.").status()).isEqualTo(409);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(given.eventsOf(course.courseId(), ReviewRemoved.class)).singleElement()
                    .satisfies(removed -> assertThat(removed.reason()).isEqualTo(ReviewRemovalReason.MODERATED));
            assertThat(given.eventsOf(course.courseId(), ContentModerated.class)).singleElement()
                    .satisfies(moderated -> assertThat(moderated.decision()).isEqualTo(ModerationDecision.REMOVED));
        });
    }
}
