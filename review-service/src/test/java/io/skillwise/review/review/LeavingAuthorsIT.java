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
import io.skillwise.testsupport.TopicRecords;
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

/** What happens to a review when its author loses the course or their account (ADR 0013). */
class LeavingAuthorsIT extends ReviewApiTest {

    @Test
    void refundWithdrawsTheReviewAndReEnrollingAllowsANewOne() {
        CoursePublished course = given.course(instructor);
        Learner refunded = given.learner(course);
        Learner stays = given.learner(course);
        String withdrawn = given.reviewed(refunded, 1).path("id").asString();
        given.reviewed(stays, 5);
        assertThat(given.ratings(course.courseId()).path("average").asDouble()).isEqualTo(3.0);
        ProducerRecord<String, String> refund = TopicRecords.cloudEvent(Events.refunded(refunded.enrollment()));

        topics.send(List.of(refund, refund));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(given.ratings(course.courseId()).path("count").asLong()).isEqualTo(1));
        assertThat(given.ratings(course.courseId()).path("average").asDouble()).isEqualTo(5.0);
        assertThat(api.get("/reviews/" + withdrawn).status()).isEqualTo(404);
        assertThat(api.as(refunded.user()).get("/courses/" + course.courseId() + "/reviews/mine").status())
                .isEqualTo(404);
        assertThat(given.eligibility(refunded.user(), course.courseId()).path("reason").asString())
                .isEqualTo("ENROLLMENT_REVOKED");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(given.eventsOf(course.courseId(),
                ReviewWithdrawn.class)).singleElement().satisfies(event -> {
                    assertThat(event.reviewId().toString()).isEqualTo(withdrawn);
                    assertThat(event.enrollmentId()).isEqualTo(refunded.enrollment().enrollmentId());
                }));

        // bought again: the same enrollment is active again, and a new review may be written
        topics.publish(Events.enrolled(refunded.enrollment().enrollmentId(), course.courseId(), refunded.id(),
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

        topics.publish(Events.subscriptionEnded(subscriber.enrollment()));

        given.awaitEligibility(subscriber.user(), course.courseId(), false);
        assertThat(given.eligibility(subscriber.user(), course.courseId()).path("reason").asString())
                .isEqualTo("ALREADY_REVIEWED");
        assertThat(api.get("/reviews/" + id).status()).isEqualTo(200);
        assertThat(given.ratings(course.courseId()).path("count").asLong()).isEqualTo(1);
        // but without access, the review cannot be changed any more
        assertThat(api.as(subscriber.user()).patch("/reviews/" + id, Map.of("rating", 1)).status()).isEqualTo(403);
        assertThat(given.eventsOf(course.courseId(), ReviewWithdrawn.class)).isEmpty();
    }

    @Test
    void deletedAccountTakesItsReviewsAndWordsAlong() {
        CoursePublished course = given.course(instructor);
        CoursePublished other = given.course(instructor);
        Learner leaving = given.learner(course);
        Learner stays = given.learner(course);
        String review = given.reviewed(leaving, 1).path("id").asString();
        given.reviewed(stays, 5);
        topics.publish(Events.enrolled(UUID.randomUUID(), other.courseId(), leaving.id(), instructor.id()));
        given.awaitEligibility(leaving.user(), other.courseId(), true);
        ApiResponse heldReview = api.as(leaving.user()).post("/courses/" + other.courseId() + "/reviews",
                Steps.review(2, null, null, "Contact me at leaving@example.com"));
        assertThat(heldReview.text("status")).isEqualTo("PENDING");
        String held = heldReview.text("id");
        String reviewOfStays = given.reviewsOf(course.courseId(), "?sort=highest", null).path("items").get(0)
                .path("id").asString();
        api.as(leaving.user()).post("/reviews/" + reviewOfStays + "/report", Map.of("reason", "My own words here."))
                .assertStatus(202);
        ProducerRecord<String, String> deleted = TopicRecords.cloudEvent(Events.deactivated(leaving.id()));

        topics.send(List.of(deleted, deleted));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(given.ratings(course.courseId()).path("count").asLong()).isEqualTo(1));
        assertThat(given.ratings(course.courseId()).path("average").asDouble()).isEqualTo(5.0);
        assertThat(api.get("/reviews/" + review).status()).isEqualTo(404);
        JsonNode erased = api.as(admin).get("/admin/reports/reviews/" + review).body();
        assertThat(erased.path("status").asString()).isEqualTo("REMOVED");
        assertThat(erased.has("text")).as("the comment is forgotten").isFalse();
        JsonNode heldItem = api.as(admin).get("/admin/reports/reviews/" + held).body();
        assertThat(heldItem.path("status").asString()).isEqualTo("REMOVED");
        assertThat(heldItem.path("open").asBoolean()).as("nothing left to moderate").isFalse();
        assertThat(heldItem.has("text")).isFalse();
        JsonNode reported = api.as(admin).get("/admin/reports/reviews/" + reviewOfStays).body();
        assertThat(reported.path("reports").get(0).path("reason").asString()).isEqualTo("(account deleted)");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(given.eventsOf(course.courseId(), ReviewRemoved.class)).singleElement()
                    .satisfies(removed -> {
                        assertThat(removed.reason()).isEqualTo(ReviewRemovalReason.AUTHOR_DEACTIVATED);
                        assertThat(removed.actorId()).isNull();
                    });
            assertThat(given.eventsOf(course.courseId(), CourseRatingChanged.class).getLast().count())
                    .isEqualTo(1);
        });
    }

    @Test
    void deletedInstructorsRepliesAreForgotten() {
        TestUser teacher = TestUser.instructor();
        CoursePublished course = given.course(teacher);
        Learner learner = given.learner(course);
        String id = given.reviewed(learner, 4).path("id").asString();
        ApiResponse replied = api.as(teacher).post("/reviews/" + id + "/reply", Map.of("text", "Thank you!"));
        assertThat(replied.status()).isEqualTo(201);

        topics.publish(Events.deactivated(teacher.id()));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(api.get("/reviews/" + id).body().has("reply")).isFalse());
        assertThat(given.ratings(course.courseId()).path("count").asLong()).isEqualTo(1);
    }
}
