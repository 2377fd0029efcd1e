package io.skillwise.review.review;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.review.ReviewPosted;
import io.skillwise.review.support.Events;
import io.skillwise.review.support.ReviewApiTest;
import io.skillwise.review.support.Steps;
import io.skillwise.review.support.Steps.Learner;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static io.skillwise.review.support.Steps.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Who may review a course, once, and with what. */
class ReviewWritingIT extends ReviewApiTest {

    @Test
    void learnerWithoutEnrollmentIsForbidden() {
        CoursePublished course = given.course(instructor);

        ApiResponse refused = api.as(TestUser.student()).post("/courses/" + course.courseId() + "/reviews",
                Steps.review(5, null, null, "Great course."));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("type")).endsWith("/not-enrolled");
    }

    @Test
    void reviewBeforeTheEnrollmentArrivesIsForbiddenAndAllowedOnceItDoes() {
        CoursePublished course = given.course(instructor);
        TestUser learner = TestUser.student();
        String path = "/courses/" + course.courseId() + "/reviews";

        assertThat(api.as(learner).post(path, Steps.review(4, null, null, "Good.")).status()).isEqualTo(403);
        topics.publish(Events.registered(learner.id(), "Early Bird", Steps.ESTABLISHED),
                Events.enrolled(UUID.randomUUID(), course.courseId(), learner.id(), instructor.id()));
        given.awaitEligibility(learner, course.courseId(), true);

        assertThat(api.as(learner).post(path, Steps.review(4, null, null, "Good.")).status()).isEqualTo(201);
    }

    @Test
    void enrollmentOfACourseNotSeenYetIsKept() {
        // the catalog's event is not sent at all: the enrollment alone names the instructor
        UUID courseId = UUID.randomUUID();
        TestUser learner = TestUser.student();
        topics.publish(Events.registered(learner.id(), "Ahead Of Catalog", Steps.ESTABLISHED),
                Events.enrolled(UUID.randomUUID(), courseId, learner.id(), instructor.id()));
        given.awaitEligibility(learner, courseId, true);

        ApiResponse posted = api.as(learner).post("/courses/" + courseId + "/reviews",
                Steps.review(5, null, null, "Fine."));

        assertThat(posted.status()).as(posted.body().toString()).isEqualTo(201);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(given.eventsOf(courseId, ReviewPosted.class))
                .singleElement().satisfies(event -> assertThat(event.instructorId()).isEqualTo(instructor.id())));
    }

    @Test
    void suspendedAndRevokedLearnersAreForbiddenCompletedOnesMayReview() {
        CoursePublished course = given.course(instructor);
        Learner suspended = given.learner(course);
        Learner revoked = given.learner(course);
        Learner completed = given.learner(course);
        topics.publish(Events.suspended(suspended.enrollment()), Events.refunded(revoked.enrollment()),
                Events.completed(completed.enrollment()));
        given.awaitEligibility(suspended.user(), course.courseId(), false);
        given.awaitEligibility(revoked.user(), course.courseId(), false);

        ApiResponse whileSuspended = given.review(suspended, 2, "Paused.");
        ApiResponse afterRevocation = given.review(revoked, 1, "Refunded.");

        assertThat(whileSuspended.status()).isEqualTo(403);
        assertThat(whileSuspended.text("type")).endsWith("/enrollment-suspended");
        assertThat(given.eligibility(suspended.user(), course.courseId()).path("reason").asString())
                .isEqualTo("ENROLLMENT_SUSPENDED");
        assertThat(afterRevocation.status()).isEqualTo(403);
        assertThat(afterRevocation.text("type")).endsWith("/enrollment-revoked");
        assertThat(given.review(completed, 5, "Finished it, worth it.").status()).isEqualTo(201);

        // a won dispute gives the learner their say back
        topics.publish(Events.restored(suspended.enrollment()));
        given.awaitEligibility(suspended.user(), course.courseId(), true);
        assertThat(given.review(suspended, 4, "Back again.").status()).isEqualTo(201);
        assertThat(given.ratings(course.courseId()).path("count").asLong()).isEqualTo(2);
    }

    @Test
    void secondReviewOfSameCourseIsConflict() {
        CoursePublished course = given.course(instructor);
        Learner learner = given.learner(course);
        given.reviewed(learner, 5);

        ApiResponse second = given.review(learner, 1, "Changed my mind.");

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("type")).endsWith("/already-reviewed");
        assertThat(given.eligibility(learner.user(), course.courseId()).path("reason").asString())
                .isEqualTo("ALREADY_REVIEWED");
        JsonNode ratings = given.ratings(course.courseId());
        assertThat(ratings.path("count").asLong()).isEqualTo(1);
        assertThat(ratings.path("average").asDouble()).isEqualTo(5.0);
    }

    @Test
    void instructorsDoNotReviewTheirOwnCourse() {
        CoursePublished course = given.course(instructor);
        topics.publish(Events.enrolled(UUID.randomUUID(), course.courseId(), instructor.id(), instructor.id()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(given.eligibility(instructor, course.courseId())
                .path("reason").asString()).isEqualTo("OWN_COURSE"));

        ApiResponse own = api.as(instructor).post("/courses/" + course.courseId() + "/reviews",
                Steps.review(5, 5, 5, "The best course ever."));

        assertThat(own.status()).isEqualTo(403);
        assertThat(own.text("type")).endsWith("/own-course");
    }

    @Test
    void invalidReviewsAreRefusedAndNothingIsStored() {
        CoursePublished course = given.course(instructor);
        Learner learner = given.learner(course);
        String path = "/courses/" + course.courseId() + "/reviews";
        Map<String, Object> noRating = new HashMap<>(Map.of("comment", "No stars."));
        List<Object> invalid = List.of(
                Steps.review(0, null, null, "Zero stars."),
                Steps.review(6, null, null, "Six stars."),
                "{\"rating\": 3.5, \"comment\": \"Half a star.\"}",
                noRating,
                Steps.review(4, 0, null, "Aspect out of range."),
                Steps.review(4, null, 6, "Aspect out of range."),
                Steps.review(4, null, null, "x".repeat(4001)),
                Steps.review(4, null, null, "Nice <script>alert(1)</script> course"),
                Steps.review(4, null, null, "<b>bold</b> claims"),
                Steps.review(4, null, null, "   "),
                "{\"rating\": 4, \"comment\": \"ok\", \"status\": \"VISIBLE\"}",
                "{\"rating\": \"five\", \"comment\": \"ok\"}",
                "not json");

        for (Object body : invalid) {
            ApiResponse refused = api.as(learner.user()).post(path, body);
            assertThat(refused.status()).as(String.valueOf(body)).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        ApiResponse html = api.as(learner.user()).post(path, Steps.review(4, null, null, "<b>bold</b> claims"));
        assertThat(html.body().path("errors").findValuesAsString("field")).contains("comment");

        assertThat(api.as(learner.user()).get(path + "/mine").status()).isEqualTo(404);
        assertThat(given.eligibility(learner.user(), course.courseId()).path("eligible").asBoolean()).isTrue();
        assertThat(given.reviewsOf(course.courseId(), "", null).path("totalItems").asLong()).isZero();
        assertThat(given.ratings(course.courseId()).path("count").asLong()).isZero();
        // a lone "<" is text, not markup
        assertThat(api.as(learner.user()).post(path, Steps.review(4, null, null, "Worth it: 3 < 5 hours a week."))
                .status()).isEqualTo(201);
    }

    @Test
    void postedReviewIsPublicWithItsAuthorsNameAndAnnounced() {
        CoursePublished course = given.course(instructor);
        Learner learner = given.learner(course);

        ApiResponse posted = api.as(learner.user()).post("/courses/" + course.courseId() + "/reviews",
                Steps.review(4, 5, 3, "  Clear lessons,\r\nbut the pace is fast.  "));

        assertThat(posted.status()).isEqualTo(201);
        String id = posted.text("id");
        JsonNode listed = given.reviewsOf(course.courseId(), "", null).path("items").get(0);
        assertThat(listed.path("id").asString()).isEqualTo(id);
        assertThat(listed.path("comment").asString()).isEqualTo("Clear lessons,\nbut the pace is fast.");
        assertThat(listed.path("author").path("displayName").asString()).isEqualTo(learner.displayName());
        assertThat(listed.path("contentQuality").asInt()).isEqualTo(5);
        assertThat(listed.has("helpfulByMe")).as("anonymous readers have no votes").isFalse();
        assertThat(api.get("/reviews/" + id).status()).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                given.eventsOf(course.courseId(), ReviewPosted.class)).singleElement().satisfies(event -> {
                    assertThat(event.reviewId().toString()).isEqualTo(id);
                    assertThat(event.authorId()).isEqualTo(learner.id());
                    assertThat(event.rating()).isEqualTo(4);
                    assertThat(event.instructorEffectiveness()).isEqualTo(3);
                }));
    }

    @Test
    void concurrentSecondReviewsOfOneLearnerStoreOne() throws Exception {
        CoursePublished course = given.course(instructor);
        Learner learner = given.learner(course);
        List<Callable<Integer>> attempts = IntStream.range(0, 5)
                .<Callable<Integer>>mapToObj(i -> () -> given.review(learner, 3, "Attempt " + i).status()).toList();

        List<Integer> statuses;
        try (ExecutorService pool = Executors.newFixedThreadPool(5)) {
            statuses = pool.invokeAll(attempts).stream().map(future -> {
                try {
                    return future.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).toList();
        }

        assertThat(statuses).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
        assertThat(given.reviewsOf(course.courseId(), "", null).path("totalItems").asLong()).isEqualTo(1);
    }
}
