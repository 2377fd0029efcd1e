package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.skillwise.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #12 across the real services, through the gateway: a learner buys a course, completes its lesson and reviews
 * it; review-service knows the enrollment from enrollment-service's events and the author's name from identity's,
 * and the course's rating reaches catalog's search ({@code minRating}, {@code sort=rating}) within seconds through
 * {@code CourseRatingChanged}. The instructor replies, anyone reads the review, and only the admin sees the
 * moderation queue.
 */
class ReviewFlowIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** "Within seconds", with room for a loaded 2-core machine. */
    private static final Duration SECONDS = Duration.ofSeconds(30);

    private static DevStack platform;
    private static ApiClient anonymous;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
        anonymous = PlatformUsers.api(platform);
    }

    @Test
    void learnerBuysCompletesAndReviewsAndTheRatingReachesSearch() {
        PlatformUsers.Session instructor = PlatformUsers.instructor(platform);
        String title = "Reviewed course " + UUID.randomUUID().toString().substring(0, 8);
        UUID courseId = PublishedCourses.paid(platform, instructor, PublishedCourses.category(platform), title, 2900);
        PlatformUsers.Session learner = PlatformUsers.verifiedStudent(platform);
        String reviews = "/courses/" + courseId + "/reviews";

        // not a learner of the course yet: review-service refuses
        learner.client().post(reviews, review(5)).assertProblem(403);

        LocalCheckout.buy(learner, courseId);
        assertThat(Learning.completeFirstLesson(learner, courseId).path("status").asString())
                .as("the course of one lesson is completed").isEqualTo("COMPLETED");

        ApiResponse posted = eventually(PATIENCE, () -> learner.client().post(reviews, review(5)),
                response -> assertThat(response.status()).as("the enrollment reached review-service")
                        .isNotEqualTo(403));
        assertThat(posted.assertStatus(201).text("status")).isEqualTo("VISIBLE");
        String reviewId = posted.id();
        learner.client().post(reviews, review(1)).assertProblem(409);

        // the course's rating appears in catalog's search within seconds
        String search = "/courses?search=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
        await().atMost(SECONDS).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode found = course(anonymous.get(search + "&minRating=4.5").assertStatus(200), courseId);
            assertThat(found).as("in the minRating=4.5 results").isNotNull();
            assertThat(found.path("rating").path("average").asDouble()).isEqualTo(5.0);
            assertThat(found.path("rating").path("count").asLong()).isEqualTo(1);
        });
        assertThat(course(anonymous.get(search + "&sort=rating").assertStatus(200), courseId)).isNotNull();
        assertThat(anonymous.get("/courses?sort=rating&size=100").assertStatus(200).items("id"))
                .contains(courseId.toString());

        // anyone reads it, with the author's name from identity's events
        await().atMost(PATIENCE).untilAsserted(() -> {
            ApiResponse page = anonymous.get(reviews).assertStatus(200);
            assertThat(page.body().path("summary").path("average").asDouble()).isEqualTo(5.0);
            assertThat(page.items().getFirst().path("author").path("displayName").asString())
                    .isEqualTo("System Student");
        });
        anonymous.get("/courses/" + courseId + "/ratings").assertStatus(200);
        assertThat(anonymous.get("/instructors/" + instructor.id() + "/ratings").assertStatus(200).body()
                .path("count").asLong()).isEqualTo(1);

        // the instructor replies in public; someone else's edit is refused
        instructor.client().post("/reviews/" + reviewId + "/reply", Map.of("text", "Thank you for the kind words!"))
                .assertStatus(201);
        PlatformUsers.Session stranger = PlatformUsers.verifiedStudent(platform);
        stranger.client().patch("/reviews/" + reviewId, Map.of("rating", 1)).assertProblem(403);
        assertThat(anonymous.get("/reviews/" + reviewId).assertStatus(200).body().path("reply").path("text")
                .asString()).isEqualTo("Thank you for the kind words!");

        // a report reaches the admin's queue; learners never see it
        stranger.client().post("/reviews/" + reviewId + "/report", Map.of("reason", "Checking the queue."))
                .assertStatus(202);
        stranger.client().get("/admin/reports").assertProblem(403);
        assertThat(PlatformUsers.admin(platform).client().get("/admin/reports?kind=REVIEW&size=100")
                .assertStatus(200).items("contentId")).contains(reviewId);
    }

    private static Map<String, Object> review(int stars) {
        return Map.of("rating", stars, "contentQuality", stars, "comment",
                "Clear explanations and a good pace. Bought it, finished it, would buy again.");
    }

    private static JsonNode course(ApiResponse page, UUID courseId) {
        return page.items().stream().filter(item -> item.path("id").asString().equals(courseId.toString()))
                .findFirst().orElse(null);
    }
}
