package io.skillwise.notification.support;

import io.skillwise.notification.replica.CourseReplica;
import io.skillwise.notification.replica.EnrollmentReplica;
import io.skillwise.notification.replica.UserReplica;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What notification-service's integration tests share: the service on a random port with its own Mongo database and
 * consumer groups, the shared Kafka broker and SMTP sink, an HTTP client and the topics to publish events on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(mongo = true, kafka = true, smtp = true, tokens = true)
public abstract class NotificationServiceTest {

    /** How long a test waits for something asynchronous (Kafka, the mail sender) on a busy machine. */
    protected static final Duration PATIENCE = Duration.ofSeconds(45);

    @LocalServerPort
    protected int port;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String kafka;

    @Autowired
    private UserReplica userReplica;
    @Autowired
    private CourseReplica courseReplica;
    @Autowired
    private EnrollmentReplica enrollmentReplica;

    protected ApiClient api;
    protected Events events;

    @BeforeEach
    void connect() {
        api = ApiClient.api(port);
        events = new Events(kafka);
    }

    /** Tells the service who the users are (identity's events) and waits until its replica knows them and their roles. */
    protected void register(TestUser... users) {
        events.register(users);
        for (TestUser user : users) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(userReplica.find(user.id()))
                    .as("the users replica knows %s", user.email())
                    .hasValueSatisfying(known -> assertThat(known.roles().stream()
                            .map(role -> role.name().toLowerCase(Locale.ROOT)))
                            .containsExactlyInAnyOrderElementsOf(user.roles())));
        }
    }

    /** All of the user's notifications, newest first. */
    protected List<JsonNode> notificationsOf(TestUser user) {
        return api.as(user).get("/notifications?size=100").assertStatus(200).items();
    }

    protected List<JsonNode> notificationsOf(TestUser user, String kind) {
        return notificationsOf(user).stream().filter(n -> n.path("kind").asString().equals(kind)).toList();
    }

    /** A fresh published course with a new instructor, known to the replicas. */
    protected TestCourse publishedCourse() {
        TestUser instructor = TestUser.instructor();
        register(instructor);
        UUID id = UUID.randomUUID();
        String title = "Course " + id.toString().substring(0, 8);
        events.publish(Events.course(id, instructor.id(), title));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(courseReplica.find(id)).isPresent());
        return new TestCourse(id, title, instructor);
    }

    /** A new learner, known to the replicas and enrolled in the course. */
    protected TestUser enrolledIn(TestCourse course) {
        TestUser learner = TestUser.student();
        register(learner);
        events.publish(Events.enrolled(course.id(), learner.id(), course.instructor().id()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(enrollmentReplica.learnersOf(course.id()))
                .contains(learner.id()));
        return learner;
    }
}
