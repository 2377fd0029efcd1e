package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.skillwise.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #13's instructor reminders on the local platform, through the gateway (which routes
 * {@code /courses/{id}/reminders} to notification-service, not catalog): the instructor schedules a reminder a few
 * seconds ahead; at that moment it reaches the learner who bought the course, in the app and by mail, once, and not
 * someone who did not buy it. Only the instructor schedules and lists them.
 */
class ReminderFlowIT {

    private static final long PRICE = 4900;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Long enough for notification-service to have heard of the enrollment on all its consumer groups. */
    private static final Duration AHEAD = Duration.ofSeconds(15);

    private static DevStack platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void anInstructorsReminderReachesTheEnrolledLearnerAtItsTimeAndNotAnOutsider() throws Exception {
        PlatformUsers.Session instructor = PlatformUsers.instructor(platform);
        String title = "Reminder flow " + UUID.randomUUID().toString().substring(0, 6);
        UUID courseId = PublishedCourses.paid(platform, instructor, PublishedCourses.category(platform), title, PRICE);
        PlatformUsers.Session learner = PlatformUsers.verifiedStudent(platform);
        PlatformUsers.Session outsider = PlatformUsers.verifiedStudent(platform);
        LocalCheckout.pay(LocalCheckout.create(learner, courseId).path("checkoutUrl").asString());
        // notification-service learns of the enrollment from enrollment-service's event
        eventually(PATIENCE, () -> learner.client().get("/courses/" + courseId + "/announcements"),
                response -> assertThat(response.status()).isEqualTo(200));
        String reminders = "/courses/" + courseId + "/reminders";
        String subject = "Live session tonight " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> reminder = Map.of("title", subject, "message", "We start at 19:00 in the course room.",
                "sendAt", Instant.now().plus(AHEAD).toString(), "email", true);

        outsider.client().post(reminders, reminder).assertStatus(403);
        String id = instructor.client().post(reminders, reminder).assertStatus(201).id();
        assertThat(instructor.client().get(reminders).assertStatus(200).items()).singleElement()
                .satisfies(listed -> assertThat(listed.path("status").asString()).isEqualTo("SCHEDULED"));
        learner.client().get(reminders).assertStatus(403);

        Map<String, Object> mail = eventually(PATIENCE.plus(AHEAD),
                () -> Mailbox.withSubject(platform, learner, subject),
                mails -> assertThat(mails).as("the reminder in the learner's mailbox").isNotEmpty()).getFirst();
        assertThat(String.valueOf(mail.get("text"))).contains("We start at 19:00",
                platform.gatewayUrl() + "/api/v1/courses/" + courseId);
        assertThat(learner.client().get("/notifications").assertStatus(200).items()).anySatisfy(notice -> {
            assertThat(notice.path("kind").asString()).isEqualTo("COURSE_REMINDER");
            assertThat(notice.path("title").asString()).isEqualTo(subject);
        });
        eventually(PATIENCE, () -> instructor.client().get(reminders), response -> assertThat(response.items())
                .singleElement().satisfies(sent -> {
                    assertThat(sent.path("id").asString()).isEqualTo(id);
                    assertThat(sent.path("status").asString()).isEqualTo("SENT");
                    assertThat(sent.path("recipients").asInt()).isEqualTo(1);
                }));
        instructor.client().delete(reminders + "/" + id).assertStatus(409);
        assertThat(Mailbox.withSubject(platform, outsider, subject)).isEmpty();
        assertThat(Mailbox.withSubject(platform, learner, subject)).hasSize(1);
    }
}
