package io.skillwise.notification.reminder;

import io.skillwise.notification.replica.CourseReplica;
import io.skillwise.notification.support.Mailbox;
import io.skillwise.notification.support.NotificationServiceTest;
import io.skillwise.notification.support.SecondInstance;
import io.skillwise.testsupport.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Reminders live in the database, not in an instance: one stored while no instance fires goes out when one starts,
 * and instances racing for the same due reminders send each exactly once. The test's own instance only stores
 * reminders ({@code firing-enabled=false}); the others fire them, on the real clock.
 */
@TestPropertySource(properties = "skillwise.notification.reminder.firing-enabled=false")
class RemindersAcrossInstancesIT extends NotificationServiceTest {

    private static final String[] FAST = {"--skillwise.notification.reminder.poll-interval=50ms",
            "--skillwise.notification.mail.poll-interval=100ms"};

    @Autowired
    Environment environment;
    @Autowired
    CourseReplica courses;
    @Autowired
    Learners learners;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aReminderStoredWhileNoInstanceFiresGoesOutOnceWhenOneStarts() {
        TestUser instructor = TestUser.instructor();
        TestUser learner = TestUser.student();
        UUID course = courseWith(instructor, learner);
        Instant sendAt = Instant.now().plusSeconds(2);
        String id = api.as(instructor).post(reminders(course), Map.of("title", "Stored " + course, "message", "Hi.",
                "sendAt", sendAt.toString(), "email", true)).assertStatus(201).id();

        await().atMost(PATIENCE).until(() -> Instant.now().isAfter(sendAt.plusSeconds(1)));
        assertThat(mongo.findById(id, Reminder.class).status()).as("no instance fires").isEqualTo(Reminder.Status.SCHEDULED);

        try (SecondInstance restarted = new SecondInstance(environment, FAST)) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(mongo.findById(id, Reminder.class).status()).isEqualTo(Reminder.Status.SENT);
                assertThat(Mailbox.of(learner.email(), "Stored " + course)).hasSize(1);
            });
        }
        assertThat(notificationsOf(learner, "COURSE_REMINDER")).hasSize(1);
        assertThat(mongo.findById(id, Reminder.class).attempts()).isEqualTo(1);
    }

    @Test
    void twoInstancesRacingForTheSameDueRemindersSendEachOnce() {
        TestUser instructor = TestUser.instructor();
        TestUser first = TestUser.student();
        TestUser second = TestUser.student();
        UUID course = courseWith(instructor, first, second);
        int count = 20;

        try (SecondInstance b = new SecondInstance(environment, FAST);
             SecondInstance c = new SecondInstance(environment, FAST)) {
            // far enough ahead for twenty requests to be made on a busy machine: a past sendAt is refused
            Instant sendAt = Instant.now().plusSeconds(15);
            List<String> ids = IntStream.range(0, count).mapToObj(i -> api.as(instructor).post(reminders(course),
                    Map.of("title", "Race " + i + " " + course, "message", "Once.", "sendAt", sendAt.toString(),
                            "email", true)).assertStatus(201).id()).toList();

            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(mongo.find(query(where("_id").in(ids)), Reminder.class))
                        .allSatisfy(reminder -> assertThat(reminder.status()).isEqualTo(Reminder.Status.SENT));
                assertThat(Mailbox.of(second.email(), "Race ")).filteredOn(mail -> String.valueOf(mail.get("subject"))
                        .endsWith(course.toString())).hasSize(count);
            });
            assertThat(mongo.find(query(where("_id").in(ids)), Reminder.class))
                    .as("each claimed once").allSatisfy(reminder -> assertThat(reminder.attempts()).isEqualTo(1));
        }
        for (TestUser learner : List.of(first, second)) {
            assertThat(notificationsOf(learner, "COURSE_REMINDER")).hasSize(count);
            assertThat(Mailbox.of(learner.email(), "Race ")).filteredOn(mail -> String.valueOf(mail.get("subject"))
                    .endsWith(course.toString())).hasSize(count)
                    .extracting(mail -> mail.get("subject")).doesNotHaveDuplicates();
        }
    }

    private UUID courseWith(TestUser instructor, TestUser... learnersToEnrol) {
        register(instructor);
        register(learnersToEnrol);
        UUID course = UUID.randomUUID();
        events.publish(ReminderScenario.published(course, instructor.id(), "Course " + course, 1));
        for (TestUser learner : learnersToEnrol) {
            var enrolled = ReminderScenario.enrolled(course, learner.id(), instructor.id(), Instant.now());
            events.publish(enrolled);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(learners.find(enrolled.enrollmentId().toString()))
                    .isPresent());
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(courses.find(course)).isPresent());
        return course;
    }

    private static String reminders(UUID course) {
        return "/courses/" + course + "/reminders";
    }
}
