package io.skillwise.catalog.replica;

import io.skillwise.catalog.Courses;
import io.skillwise.events.DomainEvent;
import io.skillwise.events.enrollment.EnrollmentRevoked;
import io.skillwise.events.enrollment.EnrollmentSource;
import io.skillwise.events.enrollment.RevocationReason;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.events.identity.UserProfileUpdated;
import io.skillwise.events.review.CourseRatingChanged;
import io.skillwise.events.review.RatingDistribution;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the catalog keeps from enrollment, review and identity events, delivered through Kafka as they are produced. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaEventsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    ApiClient api;
    TopicRecords topics;
    TestUser instructor = TestUser.instructor();

    @BeforeAll
    void setUp() {
        api = ApiClient.api(port);
        topics = TopicRecords.on(bootstrapServers);
    }

    @Test
    void enrolledLearnerOpensLessonsUntilTheEnrollmentIsRevoked() {
        TestUser learner = TestUser.student();
        String courseId = Courses.published(api, instructor, Courses.draft("Members Only"));
        String module = api.get("/courses/" + courseId + "/modules").items("id").get(0);
        String locked = api.as(instructor).post("/modules/" + module + "/lessons", Courses.lesson("Members part",
                false)).id();
        assertThat(api.as(learner).get("/lessons/" + locked).status()).isEqualTo(403);

        UUID enrollmentId = UUID.randomUUID();
        StudentEnrolled enrolled = new StudentEnrolled(enrollmentId, UUID.fromString(courseId), learner.id(),
                instructor.id(), EnrollmentSource.FREE, null, null, Instant.now(), Instant.now());
        UUID eventId = send(enrolled);
        send(enrolled, eventId); // a redelivery changes nothing

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.as(learner).get("/lessons/" + locked).status()).isEqualTo(200));
        ApiResponse lesson = api.as(learner).get("/lessons/" + locked);
        assertThat(lesson.text("body")).isEqualTo("Body of Members part");
        assertThat(api.get("/courses/" + courseId).body().get("enrollmentCount").asInt()).isEqualTo(1);
        assertThat(api.as(learner).get("/courses?enrolled=true").items("id")).containsExactly(courseId);
        assertThat(api.as(learner).get("/courses?enrolled=false&size=100").items("id")).doesNotContain(courseId);
        assertThat(api.get("/courses?enrolled=true").status()).isEqualTo(401);
        assertThat(api.as(instructor).delete("/courses/" + courseId).status()).isEqualTo(409);

        send(new EnrollmentRevoked(enrollmentId, UUID.fromString(courseId), learner.id(), RevocationReason.REFUNDED,
                UUID.randomUUID(), null, null, Instant.now()));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.as(learner).get("/lessons/" + locked).status()).isEqualTo(403));
        assertThat(api.get("/courses/" + courseId).body().get("enrollmentCount").asInt()).isZero();
        assertThat(api.as(learner).get("/courses?enrolled=true").items("id")).isEmpty();
    }

    @Test
    void revocationArrivingFirstIsNotUndoneByTheLateEnrollment() {
        TestUser learner = TestUser.student();
        String courseId = Courses.published(api, instructor, Courses.draft("Out Of Order"));
        UUID enrollmentId = UUID.randomUUID();
        UUID course = UUID.fromString(courseId);

        send(new EnrollmentRevoked(enrollmentId, course, learner.id(), RevocationReason.REFUNDED, UUID.randomUUID(),
                null, null, Instant.now()));
        send(new StudentEnrolled(enrollmentId, course, learner.id(), instructor.id(), EnrollmentSource.PURCHASE,
                UUID.randomUUID(), null, Instant.now(), Instant.now()));
        // a later, unrelated enrollment proves both earlier events were applied
        TestUser other = TestUser.student();
        send(new StudentEnrolled(UUID.randomUUID(), course, other.id(), instructor.id(), EnrollmentSource.FREE, null,
                null, Instant.now(), Instant.now()));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.as(other).get("/courses?enrolled=true").items("id")).containsExactly(courseId));
        assertThat(api.as(learner).get("/courses?enrolled=true").items("id")).isEmpty();
        assertThat(api.get("/courses/" + courseId).body().get("enrollmentCount").asInt()).isEqualTo(1);
    }

    @Test
    void ratingsComeFromTheReviewAggregateAndOlderOnesAreIgnored() {
        String courseId = Courses.published(api, instructor, Courses.draft("Well Rated"));
        UUID course = UUID.fromString(courseId);
        Instant now = Instant.now();

        send(new CourseRatingChanged(course, instructor.id(), 4.5, 2, new RatingDistribution(0, 0, 0, 1, 1), null,
                null, now));
        send(new CourseRatingChanged(course, instructor.id(), 1.0, 1, new RatingDistribution(1, 0, 0, 0, 0), null,
                null, now.minusSeconds(60)));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.get("/courses?minRating=4.5").items("id")).contains(courseId));
        ApiResponse details = api.get("/courses/" + courseId);
        assertThat(details.body().get("rating").get("average").asDouble()).isEqualTo(4.5);
        assertThat(details.body().get("rating").get("count").asInt()).isEqualTo(2);
    }

    @Test
    void instructorNamesFollowTheirProfileAndAreSearchable() {
        TestUser teacher = TestUser.instructor();
        String courseId = Courses.published(api, teacher, Courses.draft("Pottery Basics"));

        send(new UserProfileUpdated(teacher.id(), "Grayson Perry", null, null, List.of(), List.of("displayName"),
                teacher.id(), Instant.now()));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.get("/courses/" + courseId).body().get("instructor").get("displayName").asString())
                        .isEqualTo("Grayson Perry"));
        assertThat(api.get("/courses?search=grayson").items("id")).containsExactly(courseId);
        assertThat(api.get("/courses?search=grayson%20pottery").items("id")).containsExactly(courseId);
    }

    private UUID send(DomainEvent event) {
        return send(event, UUID.randomUUID());
    }

    private UUID send(DomainEvent event, UUID eventId) {
        topics.send(List.of(TopicRecords.cloudEvent(event, eventId)));
        return eventId;
    }
}
