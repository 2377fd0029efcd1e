package io.skillwise.catalog.replica;

import io.skillwise.catalog.CatalogApi;
import io.skillwise.catalog.CatalogApi.Courses;
import io.skillwise.catalog.CatalogApi.Response;
import io.skillwise.events.CloudEventHeaders;
import io.skillwise.events.DomainEvent;
import io.skillwise.events.EventCatalog;
import io.skillwise.events.EventDescriptor;
import io.skillwise.events.enrollment.EnrollmentRevoked;
import io.skillwise.events.enrollment.EnrollmentSource;
import io.skillwise.events.enrollment.RevocationReason;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.events.identity.UserProfileUpdated;
import io.skillwise.events.review.CourseRatingChanged;
import io.skillwise.events.review.RatingDistribution;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the catalog keeps from enrollment, review and identity events, delivered through Kafka as they are produced. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaEventsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    CatalogApi api;
    KafkaProducer<String, String> producer;
    TestUser instructor = TestUser.instructor();

    @BeforeAll
    void setUp() {
        api = new CatalogApi(port);
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    void tearDown() {
        producer.close();
    }

    @Test
    void enrolledLearnerOpensLessonsUntilTheEnrollmentIsRevoked() {
        TestUser learner = TestUser.student();
        String courseId = api.publishedCourse(instructor, Courses.draft("Members Only"));
        String module = api.get("/courses/" + courseId + "/modules").itemIds().get(0);
        String locked = api.post("/modules/" + module + "/lessons", instructor, Courses.lesson("Members part", false)).id();
        assertThat(api.get("/lessons/" + locked, learner).status()).isEqualTo(403);

        UUID enrollmentId = UUID.randomUUID();
        StudentEnrolled enrolled = new StudentEnrolled(enrollmentId, UUID.fromString(courseId), learner.id(),
                instructor.id(), EnrollmentSource.FREE, null, null, Instant.now(), Instant.now());
        UUID eventId = send(enrolled);
        send(enrolled, eventId); // a redelivery changes nothing

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.get("/lessons/" + locked, learner).status()).isEqualTo(200));
        Response lesson = api.get("/lessons/" + locked, learner);
        assertThat(lesson.text("body")).isEqualTo("Body of Members part");
        assertThat(api.get("/courses/" + courseId).body().get("enrollmentCount").asInt()).isEqualTo(1);
        assertThat(api.get("/courses?enrolled=true", learner).itemIds()).containsExactly(courseId);
        assertThat(api.get("/courses?enrolled=false&size=100", learner).itemIds()).doesNotContain(courseId);
        assertThat(api.get("/courses?enrolled=true").status()).isEqualTo(401);
        assertThat(api.delete("/courses/" + courseId, instructor).status()).isEqualTo(409);

        send(new EnrollmentRevoked(enrollmentId, UUID.fromString(courseId), learner.id(), RevocationReason.REFUNDED,
                UUID.randomUUID(), null, null, Instant.now()));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.get("/lessons/" + locked, learner).status()).isEqualTo(403));
        assertThat(api.get("/courses/" + courseId).body().get("enrollmentCount").asInt()).isZero();
        assertThat(api.get("/courses?enrolled=true", learner).itemIds()).isEmpty();
    }

    @Test
    void revocationArrivingFirstIsNotUndoneByTheLateEnrollment() {
        TestUser learner = TestUser.student();
        String courseId = api.publishedCourse(instructor, Courses.draft("Out Of Order"));
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
                assertThat(api.get("/courses?enrolled=true", other).itemIds()).containsExactly(courseId));
        assertThat(api.get("/courses?enrolled=true", learner).itemIds()).isEmpty();
        assertThat(api.get("/courses/" + courseId).body().get("enrollmentCount").asInt()).isEqualTo(1);
    }

    @Test
    void ratingsComeFromTheReviewAggregateAndOlderOnesAreIgnored() {
        String courseId = api.publishedCourse(instructor, Courses.draft("Well Rated"));
        UUID course = UUID.fromString(courseId);
        Instant now = Instant.now();

        send(new CourseRatingChanged(course, instructor.id(), 4.5, 2, new RatingDistribution(0, 0, 0, 1, 1), null,
                null, now));
        send(new CourseRatingChanged(course, instructor.id(), 1.0, 1, new RatingDistribution(1, 0, 0, 0, 0), null,
                null, now.minusSeconds(60)));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.get("/courses?minRating=4.5").itemIds()).contains(courseId));
        Response details = api.get("/courses/" + courseId);
        assertThat(details.body().get("rating").get("average").asDouble()).isEqualTo(4.5);
        assertThat(details.body().get("rating").get("count").asInt()).isEqualTo(2);
    }

    @Test
    void instructorNamesFollowTheirProfileAndAreSearchable() {
        TestUser teacher = TestUser.instructor();
        String courseId = api.publishedCourse(teacher, Courses.draft("Pottery Basics"));

        send(new UserProfileUpdated(teacher.id(), "Grayson Perry", null, null, List.of(), List.of("displayName"),
                teacher.id(), Instant.now()));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.get("/courses/" + courseId).body().get("instructor").get("displayName").asString())
                        .isEqualTo("Grayson Perry"));
        assertThat(api.get("/courses?search=grayson").itemIds()).containsExactly(courseId);
        assertThat(api.get("/courses?search=grayson%20pottery").itemIds()).containsExactly(courseId);
    }

    private UUID send(DomainEvent event) {
        return send(event, UUID.randomUUID());
    }

    private UUID send(DomainEvent event, UUID eventId) {
        EventDescriptor descriptor = EventCatalog.of(event.getClass());
        ProducerRecord<String, String> record = new ProducerRecord<>(descriptor.topic(), event.aggregateId(),
                JSON.writeValueAsString(event));
        Map<String, String> headers = Map.of(
                CloudEventHeaders.ID, eventId.toString(),
                CloudEventHeaders.SOURCE, "/test",
                CloudEventHeaders.TYPE, descriptor.type(),
                CloudEventHeaders.TIME, event.occurredAt().toString(),
                CloudEventHeaders.SUBJECT, event.aggregateId(),
                "ce_specversion", "1.0");
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }
}
