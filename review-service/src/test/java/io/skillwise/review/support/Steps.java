package io.skillwise.review.support;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.events.DomainEvent;
import io.skillwise.events.Topics;
import io.skillwise.events.review.ReviewEvent;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TopicRecords;
import io.skillwise.testsupport.TestUser;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Test steps: courses and learners as the catalog, identity and enrollment events make them, and reviews. */
public final class Steps {

    public static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Old enough not to be a new account for screening. */
    public static final Duration ESTABLISHED = Duration.ofDays(60);

    private final ApiClient api;
    private final TopicRecords topics;
    private final Consumption consumption;

    Steps(ApiClient api, TopicRecords topics, Consumption consumption) {
        this.api = api;
        this.topics = topics;
        this.consumption = consumption;
    }

    /** A learner and their enrollment. */
    public record Learner(TestUser user, String displayName, StudentEnrolled enrollment) {

        public UUID id() {
            return user.id();
        }
    }

    /** A course of the instructor, published in the catalog. */
    public CoursePublished course(TestUser instructor) {
        CoursePublished course = Events.coursePublished(instructor.id());
        topics.publish(course);
        return course;
    }

    /** An established learner enrolled in the course, once review-service knows it. */
    public Learner learner(CoursePublished course) {
        return learners(course, 1, ESTABLISHED).getFirst();
    }

    /** {@code count} learners with accounts {@code age} old, enrolled in the course, once review-service knows. */
    public List<Learner> learners(CoursePublished course, int count, Duration age) {
        List<Learner> learners = new ArrayList<>();
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TestUser user = TestUser.student();
            String name = "Learner " + user.id().toString().substring(0, 6);
            StudentEnrolled enrolled = Events.enrolled(UUID.randomUUID(), course.courseId(), user.id(),
                    course.instructorId());
            events.add(Events.registered(user.id(), name, age));
            events.add(enrolled);
            learners.add(new Learner(user, name, enrolled));
        }
        topics.publish(events.toArray(DomainEvent[]::new));
        learners.forEach(learner -> awaitEligibility(learner.user(), course.courseId(), true));
        // names and account ages (screening) come from another topic, which nothing in the API shows before a review
        consumption.awaitConsumed(Topics.IDENTITY_USER);
        return learners;
    }

    public void awaitEligibility(TestUser user, UUID courseId, boolean eligible) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                eligibility(user, courseId).path("eligible").asBoolean()).isEqualTo(eligible));
    }

    public JsonNode eligibility(TestUser user, UUID courseId) {
        ApiResponse answer = api.as(user).get("/courses/" + courseId + "/reviews/eligibility");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    public ApiResponse review(Learner learner, int rating, String comment) {
        return api.as(learner.user()).post("/courses/" + learner.enrollment().courseId() + "/reviews",
                Map.of("rating", rating, "comment", comment));
    }

    public static Map<String, Object> review(int rating, Integer contentQuality, Integer instructorEffectiveness,
                                             String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("rating", rating);
        if (contentQuality != null) {
            body.put("contentQuality", contentQuality);
        }
        if (instructorEffectiveness != null) {
            body.put("instructorEffectiveness", instructorEffectiveness);
        }
        body.put("comment", comment);
        return body;
    }

    /** A review that screening lets through (its words are the learner's own), posted; answers it. */
    public JsonNode reviewed(Learner learner, int rating) {
        ApiResponse posted = review(learner, rating, learner.displayName() + " gives it " + rating + " stars.");
        assertThat(posted.status()).as(posted.body().toString()).isEqualTo(201);
        assertThat(posted.text("status")).isEqualTo("VISIBLE");
        return posted.body();
    }

    public JsonNode ratings(UUID courseId) {
        ApiResponse ratings = api.get("/courses/" + courseId + "/ratings");
        assertThat(ratings.status()).as(ratings.body().toString()).isEqualTo(200);
        return ratings.body();
    }

    /** review-service's events of one type about the course, in the order they are on the wire. */
    public <T extends ReviewEvent> List<T> eventsOf(UUID courseId, Class<T> type) {
        return topics.events(type).stream().filter(event -> event.courseId().equals(courseId)).toList();
    }

    /** The review ids of a page, in order. */
    public static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    public JsonNode reviewsOf(UUID courseId, String query, TestUser reader) {
        ApiResponse list = api.as(reader).get("/courses/" + courseId + "/reviews" + query);
        assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
        return list.body();
    }
}
