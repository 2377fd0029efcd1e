package io.skillwise.review.review;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.review.CourseRatingChanged;
import io.skillwise.events.review.ReviewRemovalReason;
import io.skillwise.events.review.ReviewRemoved;
import io.skillwise.events.review.ReviewWithdrawn;
import io.skillwise.review.support.Events;
import io.skillwise.review.support.ReviewApiTest;
import io.skillwise.review.support.Steps;
import io.skillwise.review.support.Steps.Learner;
import io.skillwise.review.support.Topics;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.skillwise.review.support.Steps.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What happens to a review when its author loses the course or their account (ADR 0008). */
class LeavingAuthorsIT extends ReviewApiTest {

    @Test
    void refundWithdrawsTheReviewAndReEnrollingAllowsANewOne() {
        CoursePublished course = given.course(instructor);
        Learner refunded = given.learner(course);
        Learner stays = given.learner(course);
        String withdrawn = given.reviewed(refunded, 1).path("id").asString();
        given.reviewed(stays, 5);
        assertThat(given.ratings(course.courseId()).path("average").asDouble()).isEqualTo(3.0);
        ProducerRecord<String, String> refund = Topics.record(Events.refunded(refunded.enrollment()));

        topics.send(List.of(refund, refund));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(given.ratings(course.courseId()).path("count").asLong()).isEqualTo(1));
        assertThat(given.ratings(course.courseId()).path("average").asDouble()).isEqualTo(5.0);
        assertThat(api.get("/reviews/" + withdrawn, null).status()).isEqualTo(404);
        assertThat(api.get("/courses/" + course.courseId() + "/reviews/mine", refunded.user()).status())
                .isEqualTo(404);
        assertThat(given.eligibility(refunded.user(), course.courseId()).path("reason").asString())
                .isEqualTo("ENROLLMENT_REVOKED");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(topics.reviewEventsOf(course.courseId(),
                ReviewWithdrawn.class)).singleElement().satisfies(event -> {
                    assertThat(event.reviewId().toString()).isEqualTo(withdrawn);
                    assertThat(event.enrollmentId()).isEqualTo(refunded.enrollment().enrollmentId());
                }));

        // bought again: the same enrollment is active again, and a new review may be written
        topics.send(Events.enrolled(refunded.enrollment().enrollmentId(), course.courseId(), refunded.id(),
                instructor.id()));
        given.awaitEligibility(refunded.user(), course.courseId(), true);
        assertThat(given.review(refunded, 3, "Second try went better.").status()).isEqualTo(201);
        assertThat(given.ratings(course.courseId()).path("count").asLong()).isEqualTo(2);
    }

    @Test
    void anEndedSubscriptionKeepsTheReview() {
        CoursePublished course = given.course(instructor);
        Learner subscriber = given.learner(course);
        String id = given.reviewed(subscriber, 4).path("id").asString();

        topics.send(Events.subscriptionEnded(subscriber.enrollment()));

        given.awaitEligibility(subscriber.user(), course.courseId(), false);
        assertThat(given.eligibility(subscriber.user(), course.courseId()).path("reason").asString())
                .isEqualTo("ALREADY_REVIEWED");
        assertThat(api.get("/reviews/" + id, null).status()).isEqualTo(200);
        assertThat(given.ratings(course.courseId()).path("count").asLong()).isEqualTo(1);
        // but without access, the review cannot be changed any more
        assertThat(api.patch("/reviews/" + id, Map.of("rating", 1), subscriber.user()).status()).isEqualTo(403);
        assertThat(topics.reviewEventsOf(course.courseId(), ReviewWithdrawn.class)).isEmpty();
    }

    @Test
    void deletedAccountTakesItsReviewsAndWordsAlong() {
        CoursePublished course = given.course(instructor);
        CoursePublished other = given.course(instructor);
        Learner leaving = given.learner(course);
        Learner stays = given.learner(course);
        String review = given.reviewed(leaving, 1).path("id").asString();
        given.reviewed(stays, 5);
        topics.send(Events.enrolled(UUID.randomUUID(), other.courseId(), leaving.id(), instructor.id()));
        given.awaitEligibility(leaving.user(), other.courseId(), true);
        ApiResponse heldReview = api.post("/courses/" + other.courseId() + "/reviews",
                Steps.review(2, null, null, "Contact me at leaving@example.com"), leaving.user());
        assertThat(heldReview.text("status")).isEqualTo("PENDING");
        String held = heldReview.text("id");
        String reviewOfStays = given.reviewsOf(course.courseId(), "?sort=highest", null).path("items").get(0)
                .path("id").asString();
        assertThat(api.post("/reviews/" + reviewOfStays + "/report", Map.of("reason", "My own words here."),
                leaving.user()).status()).isEqualTo(202);
        ProducerRecord<String, String> deleted = Topics.record(Events.deactivated(leaving.id()));

        topics.send(List.of(deleted, deleted));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(given.ratings(course.courseId()).path("count").asLong()).isEqualTo(1));
        assertThat(given.ratings(course.courseId()).path("average").asDouble()).isEqualTo(5.0);
        assertThat(api.get("/reviews/" + review, null).status()).isEqualTo(404);
        JsonNode erased = api.get("/admin/reports/reviews/" + review, admin).body();
        assertThat(erased.path("status").asString()).isEqualTo("REMOVED");
        assertThat(erased.has("text")).as("the comment is forgotten").isFalse();
        JsonNode heldItem = api.get("/admin/reports/reviews/" + held, admin).body();
        assertThat(heldItem.path("status").asString()).isEqualTo("REMOVED");
        assertThat(heldItem.path("open").asBoolean()).as("nothing left to moderate").isFalse();
        assertThat(heldItem.has("text")).isFalse();
        JsonNode reported = api.get("/admin/reports/reviews/" + reviewOfStays, admin).body();
        assertThat(reported.path("reports").get(0).path("reason").asString()).isEqualTo("(account deleted)");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(topics.reviewEventsOf(course.courseId(), ReviewRemoved.class)).singleElement()
                    .satisfies(removed -> {
                        assertThat(removed.reason()).isEqualTo(ReviewRemovalReason.AUTHOR_DEACTIVATED);
                        assertThat(removed.actorId()).isNull();
                    });
            assertThat(topics.reviewEventsOf(course.courseId(), CourseRatingChanged.class).getLast().count())
                    .isEqualTo(1);
        });
    }

    @Test
    void deletedInstructorsRepliesAreForgotten() {
        TestUser teacher = TestUser.instructor();
        CoursePublished course = given.course(teacher);
        Learner learner = given.learner(course);
        String id = given.reviewed(learner, 4).path("id").asString();
        ApiResponse replied = api.post("/reviews/" + id + "/reply", Map.of("text", "Thank you!"), teacher);
        assertThat(replied.status()).isEqualTo(201);

        topics.send(Events.deactivated(teacher.id()));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(api.get("/reviews/" + id, null).body().has("reply")).isFalse());
        assertThat(given.ratings(course.courseId()).path("count").asLong()).isEqualTo(1);
    }
}
