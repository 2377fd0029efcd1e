package io.skillwise.enrollment.support;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.enrollment.EnrollmentEvent;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;

import static io.skillwise.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What enrollment's API tests share: the service on a random port with its own database and consumer group, a client
 * for its API, the topics other services' events come from, an instructor who owns the courses under test, and the
 * steps most tests begin with.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
public abstract class EnrollmentApiTest {

    /** How long a test waits for an event to travel and be applied, on a busy build machine. */
    protected static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    protected int port;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String kafka;

    protected ApiClient api;
    protected TopicRecords topics;
    protected final TestUser instructor = TestUser.instructor();

    @BeforeEach
    void connect() {
        api = ApiClient.api(port);
        topics = TopicRecords.on(kafka);
    }

    /** {@code POST /courses/{id}/enroll} once the course has reached the service's replica (until then: 404). */
    protected ApiResponse enrollWhenReplicated(CoursePublished course, TestUser learner) {
        return eventually(PATIENCE, () -> api.as(learner).post("/courses/" + course.courseId() + "/enroll", ""),
                response -> assertThat(response.status()).as("course replicated").isNotEqualTo(404));
    }

    /** Publishes the (free) course and enrols the learner; answers the enrollment id. */
    protected String enrolledIn(CoursePublished course, TestUser learner) {
        topics.publish(course);
        return enrollWhenReplicated(course, learner).assertStatus(201).id();
    }

    /** Every enrollment event on the wire about this learner, in the order they were published. */
    protected List<EnrollmentEvent> enrollmentEventsOf(TestUser learner) {
        return topics.events(EnrollmentEvent.class).stream().filter(e -> e.studentId().equals(learner.id())).toList();
    }
}
