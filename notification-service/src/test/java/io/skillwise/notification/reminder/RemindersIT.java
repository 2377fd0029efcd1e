package io.skillwise.notification.reminder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.notification.replica.CourseReplica;
import io.skillwise.notification.support.Events;
import io.skillwise.notification.support.Mailbox;
import io.skillwise.notification.support.NotificationServiceTest;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.MovableClock;
import io.skillwise.testsupport.OpenApiContract;
import io.skillwise.testsupport.TestUser;
import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.skillwise.notification.reminder.ReminderScenario.completed;
import static io.skillwise.notification.reminder.ReminderScenario.due;
import static io.skillwise.notification.reminder.ReminderScenario.opening;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Automated reminders (lessons, deadlines, inactivity, abandoned checkouts) and instructors' reminders go out once,
 * the lead time before their moment, to the learners they still apply to, within their preferences and quiet hours.
 * The service's clock is moved forward by the test: nothing waits for a real lead time.
 */
@TestPropertySource(properties = "skillwise.notification.reminder.poll-interval=100ms")
class RemindersIT extends NotificationServiceTest {

    private static final Duration DAY = Duration.ofDays(1);

    @TestConfiguration
    static class Time {
        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }

    @Autowired
    MovableClock clock;
    @Autowired
    CourseSchedules schedules;
    @Autowired
    Learners learners;
    @Autowired
    CourseReplica courses;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry registry;
    @Autowired
    ReminderFiring firing;

    @Test
    void aLessonReminderGoesOutTheLeadTimeBeforeToLearnersWhoHaveNotCompletedTheLesson() {
        Instant opensAt = clock.instant().plus(Duration.ofDays(3));
        UUID live = UUID.randomUUID();
        Course course = course(opening(live, "Live kickoff", opensAt, null));
        TestUser waiting = TestUser.student();
        TestUser done = TestUser.student();
        register(waiting, done);
        enrol(course, waiting);
        StudentEnrolled doneEnrollment = enrol(course, done);
        events.publish(completed(doneEnrollment, live, clock.instant()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(learners.find(doneEnrollment.enrollmentId().toString()))
                .hasValueSatisfying(learner -> assertThat(learner.completedLessons()).contains(live.toString())));

        advance(Duration.ofDays(1));
        assertNothingFor(waiting, "LESSON_REMINDER");
        advance(Duration.ofDays(1).plusMinutes(1));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(notificationsOf(waiting, "LESSON_REMINDER")).singleElement().satisfies(notice -> {
                assertThat(notice.path("title").asString()).contains(course.title(), "Live kickoff");
                assertThat(notice.path("link").asString()).isEqualTo("/api/v1/lessons/" + live);
            });
            assertThat(Mailbox.of(waiting.email(), "Coming up in " + course.title())).hasSize(1);
        });
        advance(Duration.ofHours(1));
        settle();
        assertThat(notificationsOf(waiting, "LESSON_REMINDER")).as("once").hasSize(1);
        assertThat(Mailbox.of(waiting.email(), "Coming up in " + course.title())).hasSize(1);
        assertThat(notificationsOf(done, "LESSON_REMINDER")).as("completed the lesson").isEmpty();
    }

    @Test
    void aDeadlineCountedFromEnrollmentIsRemindedPerLearner() {
        UUID project = UUID.randomUUID();
        Course course = course(due(project, "Final project", null, 5));
        TestUser early = TestUser.student();
        TestUser late = TestUser.student();
        register(early, late);
        enrol(course, early);
        advance(Duration.ofDays(2));
        enrol(course, late);

        advance(Duration.ofDays(2).plusMinutes(1));                              // 4 days after the first enrolled

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notificationsOf(early, "DEADLINE_REMINDER"))
                .singleElement().satisfies(notice -> assertThat(notice.path("text").asString())
                        .contains("Final project", "is due on")));
        assertThat(notificationsOf(late, "DEADLINE_REMINDER")).as("due 2 days later for them").isEmpty();

        advance(Duration.ofDays(2));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notificationsOf(late, "DEADLINE_REMINDER")).hasSize(1));
        assertThat(notificationsOf(early, "DEADLINE_REMINDER")).hasSize(1);
    }

    @Test
    void aCourseChangeReschedulesItsReminders() {
        UUID live = UUID.randomUUID();
        Instant first = clock.instant().plus(Duration.ofDays(2));
        Instant moved = clock.instant().plus(Duration.ofDays(5));
        Course course = course(opening(live, "Live session", first, null));
        TestUser learner = TestUser.student();
        register(learner);
        enrol(course, learner);

        events.publish(ReminderScenario.rescheduled(course.id(), course.instructor().id(), course.title(), 2,
                opening(live, "Live session", moved, null)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(schedules.find(course.id()))
                .hasValueSatisfying(schedule -> assertThat(schedule.revision()).isEqualTo(2)));

        advance(Duration.ofDays(2));                                             // the old moment passes
        assertNothingFor(learner, "LESSON_REMINDER");
        advance(Duration.ofDays(2).plusMinutes(1));                              // a day before the new one

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notificationsOf(learner, "LESSON_REMINDER"))
                .singleElement().satisfies(notice -> assertThat(notice.path("text").asString())
                        .contains(ReminderPlanner.when(moved))));
    }

    @Test
    void aReminderPlannedForAMomentTheLessonNoLongerHasIsNotSent() {
        UUID live = UUID.randomUUID();
        Course course = course(opening(live, "Live session", clock.instant().plus(Duration.ofDays(3)), null));
        TestUser learner = TestUser.student();
        register(learner);
        enrol(course, learner);
        // as a planning that raced a course change would leave it: the lesson's old time, due now
        Instant now = clock.instant();
        String stale = "stale:" + UUID.randomUUID();
        mongo.insert(Reminder.scheduled(stale, Reminder.Type.LESSON_OPENS, course.id().toString(), live.toString(),
                null, null, now.plus(Duration.ofHours(2)), null, new io.skillwise.notification.Notice(
                        io.skillwise.notification.NotificationKind.LESSON_REMINDER, "Stale " + course.title(), "Old.",
                        null), true, now, null, now));
        firing.wake();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mongo.findById(Reminder.idOf(stale), Reminder.class))
                .satisfies(reminder -> {
                    assertThat(reminder.status()).isEqualTo(Reminder.Status.SENT);
                    assertThat(reminder.recipients()).isZero();
                }));
        assertThat(notificationsOf(learner, "LESSON_REMINDER")).isEmpty();
    }

    @Test
    void unpublishingACourseCancelsItsReminders() {
        Course course = course(opening(UUID.randomUUID(), "Live session", clock.instant().plus(Duration.ofDays(2)), null),
                due(UUID.randomUUID(), "Essay", null, 3));
        TestUser learner = TestUser.student();
        register(learner);
        enrol(course, learner);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(scheduledOf(course.id())).hasSize(2));

        events.publish(ReminderScenario.unpublished(course.id(), course.instructor().id(), course.title(), 2));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(scheduledOf(course.id())).isEmpty());
        advance(Duration.ofDays(3));
        assertNothingFor(learner, "LESSON_REMINDER");
        assertThat(notificationsOf(learner, "DEADLINE_REMINDER")).isEmpty();
    }

    @Test
    void aRevokedLearnerIsNoLongerReminded() {
        UUID live = UUID.randomUUID();
        Course course = course(opening(live, "Dripped lesson", null, 2));
        TestUser staying = TestUser.student();
        TestUser leaving = TestUser.student();
        register(staying, leaving);
        enrol(course, staying);
        StudentEnrolled lost = enrol(course, leaving);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(scheduledOf(course.id())).hasSize(2));

        events.publish(ReminderScenario.revoked(lost));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(scheduledOf(course.id())).singleElement()
                .satisfies(reminder -> assertThat(reminder.userId()).isEqualTo(staying.id().toString())));
        advance(Duration.ofDays(1).plusMinutes(1));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notificationsOf(staying, "LESSON_REMINDER")).hasSize(1));
        assertThat(notificationsOf(leaving, "LESSON_REMINDER")).isEmpty();
    }

    @Test
    void quietHoursHoldAReminderUntilTheirWindowEnds() {
        Course course = course();
        TestUser awake = TestUser.student();
        TestUser asleep = TestUser.student();
        register(awake, asleep);
        enrol(course, awake);
        enrol(course, asleep);
        LocalTime now = LocalTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        api.as(asleep).put("/notifications/preferences/quiet-hours", Map.of("start", now.minusHours(1).toString(),
                "end", now.plusHours(1).toString(), "timeZone", "UTC")).assertStatus(200);

        String id = api.as(course.instructor()).post(course.reminders(), Map.of("title", "Office hours " + course.id(),
                "message", "Join at 5.", "sendAt", clock.instant().plus(Duration.ofMinutes(1)).toString(),
                "email", true)).assertStatus(201).id();
        advance(Duration.ofMinutes(2));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(notificationsOf(awake, "COURSE_REMINDER")).hasSize(1);
            assertThat(Mailbox.of(awake.email(), "Office hours " + course.id())).hasSize(1);
            assertThat(api.as(course.instructor()).get(course.reminders()).items()).singleElement()
                    .satisfies(reminder -> assertThat(reminder.path("status").asString()).isEqualTo("SENT"));
        });
        assertThat(notificationsOf(asleep, "COURSE_REMINDER")).as("in quiet hours").isEmpty();
        assertThat(mongo.find(query(where("parentId").is(id)), Reminder.class)).singleElement()
                .satisfies(held -> assertThat(held.userId()).isEqualTo(asleep.id().toString()));

        advance(Duration.ofHours(1));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(notificationsOf(asleep, "COURSE_REMINDER")).hasSize(1);
            assertThat(Mailbox.of(asleep.email(), "Office hours " + course.id())).hasSize(1);
        });
        assertThat(notificationsOf(awake, "COURSE_REMINDER")).hasSize(1);
        assertThat(Mailbox.of(awake.email(), "Office hours " + course.id())).hasSize(1);
    }

    @Test
    void remindersFollowEachLearnersPreferences() {
        Course course = course(opening(UUID.randomUUID(), "Workshop", clock.instant().plus(Duration.ofDays(2)), null));
        TestUser noMail = TestUser.student();
        TestUser off = TestUser.student();
        register(noMail, off);
        enrol(course, noMail);
        enrol(course, off);
        api.as(noMail).put("/notifications/preferences", Map.of("preferences",
                List.of(Map.of("kind", "LESSON_REMINDER", "inApp", true, "email", false)))).assertStatus(200);
        api.as(off).put("/notifications/preferences", Map.of("preferences",
                List.of(Map.of("kind", "LESSON_REMINDER", "inApp", false, "email", false)))).assertStatus(200);

        advance(Duration.ofDays(1).plusMinutes(1));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notificationsOf(noMail, "LESSON_REMINDER")).hasSize(1));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mongo.find(query(where("courseId")
                .is(course.id().toString()).and("type").is(Reminder.Type.LESSON_OPENS)), Reminder.class)).singleElement()
                .satisfies(reminder -> assertThat(reminder.status()).isEqualTo(Reminder.Status.SENT)));
        assertThat(Mailbox.of(noMail.email(), "Coming up in " + course.title())).isEmpty();
        assertThat(notificationsOf(off, "LESSON_REMINDER")).isEmpty();
        assertThat(Mailbox.of(off.email(), "Coming up in " + course.title())).isEmpty();
    }

    @Test
    void aLearnerWithoutProgressForAWeekIsNudgedOnce() {
        UUID lesson = UUID.randomUUID();
        Course course = course();
        TestUser idle = TestUser.student();
        TestUser busy = TestUser.student();
        register(idle, busy);
        enrol(course, idle);
        StudentEnrolled busyEnrollment = enrol(course, busy);
        advance(Duration.ofDays(5));
        events.publish(completed(busyEnrollment, lesson, clock.instant()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(learners.find(busyEnrollment.enrollmentId().toString()))
                .hasValueSatisfying(learner -> assertThat(learner.completedLessons()).contains(lesson.toString())));

        advance(Duration.ofDays(2).plusMinutes(1));                              // 7 days after enrolling

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notificationsOf(idle, "INACTIVITY_NUDGE"))
                .singleElement().satisfies(notice -> assertThat(notice.path("title").asString()).contains(course.title())));
        assertThat(notificationsOf(busy, "INACTIVITY_NUDGE")).as("completed a lesson 2 days ago").isEmpty();

        advance(Duration.ofDays(5));                                             // 7 days after the busy one's lesson
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notificationsOf(busy, "INACTIVITY_NUDGE")).hasSize(1));
        assertThat(notificationsOf(idle, "INACTIVITY_NUDGE")).as("once per quiet spell").hasSize(1);
    }

    @Test
    void aCheckoutLeftUnpaidIsRemindedAndAPaidOneIsNot() {
        Counter fired = registry.get(ReminderMetrics.SENT).counter();
        double firedBefore = fired.count();
        Course course = course();
        TestUser hesitant = TestUser.student();
        TestUser buyer = TestUser.student();
        register(hesitant, buyer);
        UUID unpaid = UUID.randomUUID();
        UUID paid = UUID.randomUUID();
        Instant now = clock.instant();
        events.publish(ReminderScenario.checkout(unpaid, hesitant.id(), course.id(), course.title(), now),
                ReminderScenario.checkout(paid, buyer.id(), course.id(), course.title(), now),
                ReminderScenario.purchased(paid, buyer.id(), course.id(), course.title(), now));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(mongo.findById(Reminder.idOf("checkout:" + unpaid), Reminder.class)).isNotNull();
            assertThat(mongo.findById(Reminder.idOf("checkout:" + paid), Reminder.class)).isNotNull()
                    .satisfies(reminder -> assertThat(reminder.status()).isEqualTo(Reminder.Status.CANCELLED));
        });

        advance(Duration.ofHours(3).plusMinutes(1));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(notificationsOf(hesitant, "CHECKOUT_REMINDER")).singleElement()
                    .satisfies(notice -> assertThat(notice.path("link").asString()).isEqualTo("/api/v1/courses/" + course.id()));
            assertThat(Mailbox.of(hesitant.email(), "Your purchase of " + course.title())).hasSize(1);
        });
        assertThat(notificationsOf(buyer, "CHECKOUT_REMINDER")).isEmpty();
        assertThat(fired.count()).as("the fired reminder counted").isGreaterThanOrEqualTo(firedBefore + 1);
    }

    @Test
    void aReminderWhoseInstanceDiedWhileFiringGoesOutOnceAfterTheLease() {
        Course course = course();
        TestUser learner = TestUser.student();
        register(learner);
        enrol(course, learner);
        String id = api.as(course.instructor()).post(course.reminders(), Map.of("title", "Quiz tonight " + course.id(),
                "message", "At 8.", "sendAt", clock.instant().plusSeconds(30).toString(), "email", true))
                .assertStatus(201).id();
        advance(Duration.ofMinutes(1));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(learner.email(), "Quiz tonight")).hasSize(1));

        // as if the instance firing it died before it could record that it had: the lease lapsed, another claims it
        mongo.updateFirst(query(where("_id").is(id)), new Update().set("status", Reminder.Status.FIRING)
                .set("leaseOwner", "a-dead-instance").set("leaseUntil", clock.instant().minusSeconds(1)),
                Reminder.class);
        firing.wake();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mongo.findById(id, Reminder.class)).satisfies(again -> {
            assertThat(again.status()).isEqualTo(Reminder.Status.SENT);
            assertThat(again.attempts()).isEqualTo(2);
        }));
        assertThat(notificationsOf(learner, "COURSE_REMINDER")).hasSize(1);
        assertThat(Mailbox.of(learner.email(), "Quiz tonight")).hasSize(1);
    }

    @Test
    void anInstructorSchedulesListsAndCancelsTheirCoursesReminders() {
        Course course = course();
        TestUser learner = TestUser.student();
        register(learner);
        enrol(course, learner);
        Instant sendAt = clock.instant().plus(DAY);

        JsonNode scheduled = api.as(course.instructor()).post(course.reminders(), Map.of("title", "Week 2 starts",
                "message", "Read chapter 2 first.", "sendAt", sendAt.toString())).assertStatus(201).body();
        String later = api.as(course.instructor()).post(course.reminders(), Map.of("title", "Week 3 starts",
                "message", "Read chapter 3.", "sendAt", sendAt.plus(DAY).toString())).assertStatus(201).id();

        assertThat(scheduled.path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(scheduled.path("email").asBoolean()).isFalse();
        assertThat(Instant.parse(scheduled.path("sendAt").asString())).isEqualTo(sendAt);
        assertThat(api.as(course.instructor()).get(course.reminders()).assertStatus(200).items())
                .extracting(reminder -> reminder.path("title").asString()).containsExactly("Week 2 starts", "Week 3 starts");
        assertThat(api.as(TestUser.admin()).get(course.reminders()).assertStatus(200).items()).hasSize(2);

        assertThat(api.as(course.instructor()).delete(course.reminders() + "/" + later).assertStatus(200).text("status"))
                .isEqualTo("CANCELLED");
        api.as(course.instructor()).delete(course.reminders() + "/" + later).assertStatus(200);
        advance(Duration.ofDays(3));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notificationsOf(learner, "COURSE_REMINDER"))
                .singleElement().satisfies(notice -> {
                    assertThat(notice.path("title").asString()).isEqualTo("Week 2 starts");
                    assertThat(notice.path("text").asString()).isEqualTo("Read chapter 2 first.");
                }));
        assertThat(Mailbox.of(learner.email(), "Week 2 starts")).as("in the app only").isEmpty();
        api.as(course.instructor()).delete(course.reminders() + "/" + scheduled.path("id").asString()).assertProblem(409);
    }

    @Test
    void onlyTheCoursesInstructorSchedulesAndCancels() {
        Course course = course();
        TestUser learner = TestUser.student();
        register(learner);
        enrol(course, learner);
        TestUser otherInstructor = TestUser.instructor();
        Map<String, Object> reminder = Map.of("title", "Hello", "message", "Hi.",
                "sendAt", clock.instant().plus(DAY).toString());
        String id = api.as(course.instructor()).post(course.reminders(), reminder).assertStatus(201).id();

        api.as(otherInstructor).post(course.reminders(), reminder).assertProblem(403);
        api.as(learner).post(course.reminders(), reminder).assertProblem(403);
        api.as(TestUser.admin()).post(course.reminders(), reminder).assertProblem(403);
        api.anonymous().post(course.reminders(), reminder).assertProblem(401);
        api.as(otherInstructor).get(course.reminders()).assertProblem(403);
        api.as(learner).get(course.reminders()).assertProblem(403);
        api.as(otherInstructor).delete(course.reminders() + "/" + id).assertProblem(403);
        api.as(learner).delete(course.reminders() + "/" + id).assertProblem(403);
        Course othersCourse = course();
        api.as(othersCourse.instructor()).delete(othersCourse.reminders() + "/" + id).assertProblem(404);
        api.as(course.instructor()).post("/courses/" + UUID.randomUUID() + "/reminders", reminder).assertProblem(404);

        assertThat(api.as(course.instructor()).get(course.reminders()).items()).singleElement()
                .satisfies(stored -> assertThat(stored.path("status").asString()).isEqualTo("SCHEDULED"));
    }

    @Test
    void invalidRemindersAreRefusedAndStoreNothing() {
        Course course = course();
        Instant tomorrow = clock.instant().plus(DAY);
        List<Map<String, Object>> invalid = List.of(
                Map.of("message", "No title.", "sendAt", tomorrow.toString()),
                Map.of("title", "x".repeat(201), "message", "Long title.", "sendAt", tomorrow.toString()),
                Map.of("title", "No message", "sendAt", tomorrow.toString()),
                Map.of("title", "Long", "message", "x".repeat(2001), "sendAt", tomorrow.toString()),
                Map.of("title", "No time", "message", "When?"),
                Map.of("title", "Past", "message", "Too late.", "sendAt", clock.instant().minusSeconds(60).toString()),
                Map.of("title", "Far", "message", "Too early.", "sendAt", clock.instant().plus(Duration.ofDays(400)).toString()),
                Map.of("title", "Bad time", "message", "?", "sendAt", "next friday"),
                Map.of("title", "Unknown", "message", "?", "sendAt", tomorrow.toString(), "priority", "high"));

        for (Map<String, Object> body : invalid) {
            api.as(course.instructor()).post(course.reminders(), body).assertProblem(400);
        }
        api.as(course.instructor()).post("/courses/not-a-uuid/reminders", invalid.getFirst()).assertProblem(400);

        assertThat(api.as(course.instructor()).get(course.reminders()).items()).isEmpty();
    }

    @Test
    void quietHoursAreValidatedShownAndRemoved() {
        TestUser me = TestUser.student();
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("start", "25:00", "end", "07:00", "timeZone", "UTC"),
                Map.of("start", "22:00", "end", "7am", "timeZone", "UTC"),
                Map.of("start", "22:00", "end", "22:00", "timeZone", "UTC"),
                Map.of("start", "22:00", "end", "07:00", "timeZone", "Mars/Olympus"),
                Map.of("start", "22:00", "end", "07:00"))) {
            api.as(me).put("/notifications/preferences/quiet-hours", body).assertProblem(400);
        }
        assertThat(api.as(me).get("/notifications/preferences").body().path("quietHours").isMissingNode()
                || api.as(me).get("/notifications/preferences").body().path("quietHours").isNull()).isTrue();

        api.as(me).put("/notifications/preferences/quiet-hours",
                Map.of("start", "22:00", "end", "07:00", "timeZone", "Europe/Berlin")).assertStatus(200);
        JsonNode shown = api.as(me).get("/notifications/preferences").body().path("quietHours");
        assertThat(shown.path("start").asString()).isEqualTo("22:00");
        assertThat(shown.path("end").asString()).isEqualTo("07:00");
        assertThat(shown.path("timeZone").asString()).isEqualTo("Europe/Berlin");

        api.as(me).delete("/notifications/preferences/quiet-hours").assertStatus(204);
        JsonNode removed = api.as(me).get("/notifications/preferences").body().path("quietHours");
        assertThat(removed.isMissingNode() || removed.isNull()).isTrue();
        api.anonymous().put("/notifications/preferences/quiet-hours",
                Map.of("start", "22:00", "end", "07:00", "timeZone", "UTC")).assertProblem(401);
    }

    @Test
    void theReminderAndQuietHoursOperationsAreDocumentedWithTheirProblems() {
        OpenAPI document = OpenApiContract.parse(ApiClient.root(port).get("/v3/api-docs").assertStatus(200).text());

        assertThat(document.getPaths()).containsKeys("/api/v1/courses/{courseId}/reminders",
                "/api/v1/courses/{courseId}/reminders/{reminderId}", "/api/v1/notifications/preferences/quiet-hours");
        assertThat(OpenApiContract.shortcomings(document))
                .filteredOn(shortcoming -> shortcoming.contains("/reminders") || shortcoming.contains("/quiet-hours"))
                .isEmpty();
    }

    /** Moves the service's time on and lets the scheduler look at once. */
    private void advance(Duration by) {
        clock.advance(by);
        firing.wake();
    }

    /** Gives the scheduler a few rounds at the current time, after which nothing more may have come. */
    private void settle() {
        String marker = "settle:" + UUID.randomUUID();
        Instant probeAt = clock.instant();
        mongo.insert(Reminder.scheduled(marker, Reminder.Type.CHECKOUT, null, null, UUID.randomUUID().toString(), null,
                probeAt, List.of(), new io.skillwise.notification.Notice(io.skillwise.notification.NotificationKind
                        .CHECKOUT_REMINDER, "probe", "probe", null), false, probeAt, null, probeAt));
        firing.wake();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mongo.findById(Reminder.idOf(marker), Reminder.class)
                .status()).isEqualTo(Reminder.Status.SENT));
    }

    private void assertNothingFor(TestUser user, String kind) {
        settle();
        assertThat(notificationsOf(user, kind)).as("nothing due yet").isEmpty();
    }

    private List<Reminder> scheduledOf(UUID courseId) {
        return mongo.find(query(where("courseId").is(courseId.toString()).and("status").is(Reminder.Status.SCHEDULED)
                .and("type").in(Reminder.Type.LESSON_OPENS, Reminder.Type.LESSON_DUE)), Reminder.class);
    }

    private Course course(io.skillwise.events.catalog.LessonOutline... lessons) {
        TestUser instructor = TestUser.instructor();
        register(instructor);
        UUID id = UUID.randomUUID();
        String title = "Course " + id.toString().substring(0, 8);
        events.publish(ReminderScenario.published(id, instructor.id(), title, 1, lessons));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(courses.find(id)).isPresent();
            assertThat(schedules.find(id)).isPresent();
        });
        return new Course(id, title, instructor);
    }

    /** Enrols the learner now (by the service's clock) and waits until reminders know it. */
    private StudentEnrolled enrol(Course course, TestUser learner) {
        StudentEnrolled enrolled = ReminderScenario.enrolled(course.id(), learner.id(), course.instructor().id(),
                clock.instant());
        events.publish(enrolled);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(learners.find(enrolled.enrollmentId().toString()))
                .isPresent());
        return enrolled;
    }

    private record Course(UUID id, String title, TestUser instructor) {

        String reminders() {
            return "/courses/" + id + "/reminders";
        }
    }
}
