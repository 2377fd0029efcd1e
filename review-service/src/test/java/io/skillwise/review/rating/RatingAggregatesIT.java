package io.skillwise.review.rating;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.review.CourseRatingChanged;
import io.skillwise.review.review.Review;
import io.skillwise.review.support.ReviewApiTest;
import io.skillwise.review.support.Steps;
import io.skillwise.review.support.Steps.Learner;
import io.skillwise.testsupport.ApiResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.skillwise.review.support.Steps.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Aggregates are exact under concurrent writes, strictly ordered on the wire, recomputable from the reviews, and
 * repaired when a write is left half done (ADR 0012).
 */
@TestPropertySource(properties = {"skillwise.review.ratings.repair-interval=500ms",
        "skillwise.review.ratings.repair-grace=1s"})
class RatingAggregatesIT extends ReviewApiTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void twentyConcurrentReviewsOnOneCourseGiveExactAggregates() throws Exception {
        CoursePublished course = given.course(instructor);
        List<Learner> learners = given.learners(course, 20, Steps.ESTABLISHED);

        List<Integer> statuses = concurrently(IntStream.range(0, 20).<Callable<Integer>>mapToObj(i -> () ->
                api.as(learners.get(i).user()).post("/courses/" + course.courseId() + "/reviews",
                        Steps.review(i % 5 + 1, i % 2 == 0 ? 5 : null, i % 4 + 1, "Honest opinion number " + i))
                        .status()).toList());

        assertThat(statuses).containsOnly(201);
        JsonNode ratings = given.ratings(course.courseId());
        assertThat(ratings.path("count").asLong()).isEqualTo(20);
        assertThat(ratings.path("average").asDouble()).isEqualTo(3.0);
        for (int stars = 1; stars <= 5; stars++) {
            assertThat(ratings.path("distribution").path(String.valueOf(stars)).asLong()).isEqualTo(4);
        }
        assertThat(ratings.path("aspects").path("contentQuality").asDouble()).isEqualTo(5.0);
        assertThat(ratings.path("aspects").path("instructorEffectiveness").asDouble()).isEqualTo(2.5);
        JsonNode thisMonth = ratings.path("trend").get(ratings.path("trend").size() - 1);
        assertThat(thisMonth.path("month").asString()).isEqualTo(YearMonth.now(ZoneOffset.UTC).toString());
        assertThat(thisMonth.path("count").asLong()).isEqualTo(20);
        assertThat(thisMonth.path("cumulativeAverage").asDouble()).isEqualTo(3.0);
        assertThat(ratings.path("trend")).hasSize(12);
        JsonNode teacher = api.get("/instructors/" + instructor.id() + "/ratings").body();
        assertThat(teacher.path("count").asLong()).isEqualTo(20);
        assertThat(teacher.path("average").asDouble()).isEqualTo(3.0);

        await().atMost(PATIENCE).untilAsserted(() -> {
            List<CourseRatingChanged> changes = given.eventsOf(course.courseId(), CourseRatingChanged.class);
            assertThat(changes).isNotEmpty();
            for (int i = 1; i < changes.size(); i++) {
                assertThat(changes.get(i).occurredAt()).isAfter(changes.get(i - 1).occurredAt());
            }
            CourseRatingChanged last = changes.getLast();
            assertThat(last.count()).isEqualTo(20);
            assertThat(last.average()).isEqualTo(3.0);
            assertThat(last.distribution().total()).isEqualTo(20);
            assertThat(last.contentQualityAverage()).isEqualTo(5.0);
            assertThat(last.instructorEffectivenessAverage()).isEqualTo(2.5);
        });
    }

    @Test
    void rebuiltAggregatesEqualTheLiveOnes() throws Exception {
        CoursePublished course = given.course(instructor);
        CoursePublished other = given.course(instructor);
        List<Learner> learners = given.learners(course, 8, Steps.ESTABLISHED);
        Learner elsewhere = given.learner(other);
        List<String> ids = concurrently(IntStream.range(0, 8).<Callable<String>>mapToObj(i -> () ->
                given.reviewed(learners.get(i), i % 5 + 1).path("id").asString()).toList());
        given.reviewed(elsewhere, 2);
        concurrently(List.<Callable<Integer>>of(
                () -> api.as(learners.get(0).user()).patch("/reviews/" + ids.get(0), Map.of("rating", 5)).status(),
                () -> api.as(learners.get(1).user()).delete("/reviews/" + ids.get(1)).status(),
                () -> api.as(admin).post("/admin/reports/reviews/" + ids.get(2) + "/decisions",
                        Map.of("action", "HIDE", "reason", "Off topic.")).status(),
                () -> api.as(learners.get(3).user()).patch("/reviews/" + ids.get(3), Map.of("contentQuality", 2))
                        .status()));
        JsonNode live = given.ratings(course.courseId());
        JsonNode liveTeacher = api.get("/instructors/" + instructor.id() + "/ratings").body();

        ApiResponse rebuilt = api.as(admin).post("/admin/ratings/rebuild", Map.of());

        assertThat(rebuilt.status()).as(rebuilt.body().toString()).isEqualTo(200);
        assertThat(rebuilt.body().path("corrected").asInt()).isZero();
        assertThat(rebuilt.body().path("courses").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(withoutTime(given.ratings(course.courseId()))).isEqualTo(withoutTime(live));
        assertThat(api.get("/instructors/" + instructor.id() + "/ratings").body()).isEqualTo(liveTeacher);
        assertThat(live.path("count").asLong()).isEqualTo(6);

        // an aggregate that went wrong behind the service's back is put right from the reviews
        mongo.updateFirst(query(where("_id").is(course.courseId())),
                new Update().set("figures.count", 99L).set("figures.sum", 99L), CourseRating.class);
        assertThat(given.ratings(course.courseId()).path("count").asLong()).isEqualTo(99);
        ApiResponse corrected = api.as(admin).post("/admin/ratings/rebuild?courseId=" + course.courseId(), Map.of());
        assertThat(corrected.body().path("corrected").asInt()).isEqualTo(1);
        assertThat(withoutTime(given.ratings(course.courseId()))).isEqualTo(withoutTime(live));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(given.eventsOf(course.courseId(),
                CourseRatingChanged.class).getLast().count()).isEqualTo(6));
    }

    @Test
    void aChangeLeftUncountedByACrashIsCountedByTheRepair() {
        CoursePublished course = given.course(instructor);
        Learner learner = given.learner(course);
        String id = given.reviewed(learner, 5).path("id").asString();
        // as if the process died after writing the review and before recomputing the aggregate
        mongo.updateFirst(query(where("_id").is(UUID.fromString(id))), new Update().set("rating", 1)
                .set("ratingPending", true).set("changedAt", Instant.now().minusSeconds(60)), Review.class);
        assertThat(given.ratings(course.courseId()).path("average").asDouble()).isEqualTo(5.0);

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(given.ratings(course.courseId()).path("average").asDouble()).isEqualTo(1.0));
        assertThat(mongo.findById(UUID.fromString(id), Review.class).ratingPending()).isFalse();
    }

    @Test
    void ratingsOfUnknownCoursesAreZeroAndTheTrendIsBounded() {
        UUID nobody = UUID.randomUUID();

        JsonNode empty = given.ratings(nobody);

        assertThat(empty.path("count").asLong()).isZero();
        assertThat(empty.path("average").asDouble()).isZero();
        assertThat(empty.path("trend")).hasSize(12).allSatisfy(month -> assertThat(month.has("average")).isFalse());
        assertThat(api.get("/courses/" + nobody + "/ratings?months=60").body().path("trend")).hasSize(60);
        assertThat(api.get("/courses/" + nobody + "/ratings?months=61").status()).isEqualTo(400);
        assertThat(api.get("/courses/" + nobody + "/ratings?months=0").status()).isEqualTo(400);
        assertThat(api.get("/instructors/" + nobody + "/ratings").body().path("courses").asInt()).isZero();
        assertThat(api.get("/courses/not-a-uuid/ratings").status()).isEqualTo(400);
    }

    private static JsonNode withoutTime(JsonNode rating) {
        return ((tools.jackson.databind.node.ObjectNode) rating.deepCopy()).without("updatedAt");
    }

    private static <T> List<T> concurrently(List<Callable<T>> calls) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(calls.size())) {
            List<Future<T>> futures = pool.invokeAll(calls);
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
