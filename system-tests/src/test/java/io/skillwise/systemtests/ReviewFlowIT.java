package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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
    private static final Duration SECONDS = Duration.ofSeconds(15);

    private static DevStack platform;
    private static String api;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
        api = PlatformUsers.api(platform);
    }

    @Test
    void learnerBuysCompletesAndReviewsAndTheRatingReachesSearch() {
        PlatformUsers.Session instructor = PlatformUsers.instructor(platform);
        String title = "Reviewed course " + UUID.randomUUID().toString().substring(0, 8);
        UUID courseId = PublishedCourses.paid(platform, instructor, PublishedCourses.category(platform), title, 2900);
        PlatformUsers.Session learner = PlatformUsers.verifiedStudent(platform);
        String reviews = api + "/courses/" + courseId + "/reviews";

        // not a learner of the course yet: review-service refuses
        HttpResponse<String> early = PlatformUsers.post(reviews, learner.token(), review(5), Map.of());
        assertThat(early.statusCode()).as(early.body()).isEqualTo(403);

        buy(learner, courseId);
        completeTheLesson(learner, courseId);

        HttpResponse<String> posted = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(
                () -> PlatformUsers.post(reviews, learner.token(), review(5), Map.of()),
                response -> response.statusCode() != 403);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(Http.json(posted).path("status").asString()).isEqualTo("VISIBLE");
        String reviewId = Http.json(posted).path("id").asString();
        assertThat(PlatformUsers.post(reviews, learner.token(), review(1), Map.of()).statusCode()).isEqualTo(409);

        // the course's rating appears in catalog's search within seconds
        String search = api + "/courses?search=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
        await().atMost(SECONDS).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode found = course(Http.json(Http.get(search + "&minRating=4.5", null)), courseId);
            assertThat(found).as("in the minRating=4.5 results").isNotNull();
            assertThat(found.path("rating").path("average").asDouble()).isEqualTo(5.0);
            assertThat(found.path("rating").path("count").asLong()).isEqualTo(1);
        });
        assertThat(course(Http.json(Http.get(search + "&sort=rating", null)), courseId)).isNotNull();
        JsonNode top = Http.json(Http.get(api + "/courses?sort=rating&size=100", null));
        assertThat(ids(top)).contains(courseId.toString());

        // anyone reads it, with the author's name from identity's events
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode page = Http.json(Http.get(reviews, null));
            assertThat(page.path("summary").path("average").asDouble()).isEqualTo(5.0);
            assertThat(page.path("items").get(0).path("author").path("displayName").asString())
                    .isEqualTo("System Student");
        });
        assertThat(Http.get(api + "/courses/" + courseId + "/ratings", null).statusCode()).isEqualTo(200);
        assertThat(Http.json(Http.get(api + "/instructors/" + instructor.id() + "/ratings", null))
                .path("count").asLong()).isEqualTo(1);

        // the instructor replies in public; someone else's reply or edit is refused
        HttpResponse<String> reply = PlatformUsers.post(api + "/reviews/" + reviewId + "/reply", instructor.token(),
                Map.of("text", "Thank you for the kind words!"), Map.of());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        PlatformUsers.Session stranger = PlatformUsers.verifiedStudent(platform);
        assertThat(PlatformUsers.send("PATCH", api + "/reviews/" + reviewId, stranger.token(), Map.of("rating", 1))
                .statusCode()).isEqualTo(403);
        assertThat(Http.json(Http.get(api + "/reviews/" + reviewId, null)).path("reply").path("text").asString())
                .isEqualTo("Thank you for the kind words!");

        // a report reaches the admin's queue; learners never see it
        assertThat(PlatformUsers.post(api + "/reviews/" + reviewId + "/report", stranger.token(),
                Map.of("reason", "Checking the queue."), Map.of()).statusCode()).isEqualTo(202);
        assertThat(Http.get(api + "/admin/reports", stranger.token()).statusCode()).isEqualTo(403);
        HttpResponse<String> queue = Http.get(api + "/admin/reports?kind=REVIEW&size=100",
                PlatformUsers.admin(platform).token());
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        assertThat(Http.json(queue).path("items").findValuesAsString("contentId")).contains(reviewId);
    }

    private static Map<String, Object> review(int stars) {
        return Map.of("rating", stars, "contentQuality", stars, "comment",
                "Clear explanations and a good pace. Bought it, finished it, would buy again.");
    }

    private static void buy(PlatformUsers.Session learner, UUID courseId) {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> checkout = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(
                () -> PlatformUsers.post(api + "/payments/create", learner.token(), Map.of("courseId", courseId),
                        Map.of("Idempotency-Key", key)),
                response -> response.statusCode() != 404);
        assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo(201);
        LocalCheckout.pay(Http.json(checkout).path("checkoutUrl").asString());
        LocalCheckout.awaitEnrolled(api, learner, courseId);
    }

    private static void completeTheLesson(PlatformUsers.Session learner, UUID courseId) {
        HttpResponse<String> progress = Http.get(api + "/progress/" + courseId, learner.token());
        assertThat(progress.statusCode()).as(progress.body()).isEqualTo(200);
        JsonNode state = Http.json(progress);
        String lessonId = state.path("lessons").get(0).path("lessonId").asString();
        HttpResponse<String> done = PlatformUsers.send("PATCH", api + "/enrollments/"
                + state.path("enrollmentId").asString() + "/progress", learner.token(),
                Map.of("lessonId", lessonId, "completed", true));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(Http.json(done).path("status").asString()).isEqualTo("COMPLETED");
    }

    private static JsonNode course(JsonNode page, UUID courseId) {
        for (JsonNode item : page.path("items")) {
            if (item.path("id").asString().equals(courseId.toString())) {
                return item;
            }
        }
        return null;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}
