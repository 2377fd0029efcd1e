package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.skillwise.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #13's discussions across the real services, through the gateway: two learners buy a course and discuss it in
 * a thread (notification-service knows them from enrollment-service's events); an outsider may not read it. One
 * learner reports the other's post; it reaches review-service's moderation queue through
 * {@code DiscussionPostReported}, the admin removes it there, and through {@code ContentModerated} it is gone for the
 * learners while its author hears of the decision.
 */
class DiscussionFlowIT {

    private static final long PRICE = 1900;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static DevStack platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void aReportedPostReachesTheModerationQueueAndTheModeratorsRemovalTakesItAway() {
        PlatformUsers.Session instructor = PlatformUsers.instructor(platform);
        String title = "Discussion flow " + UUID.randomUUID().toString().substring(0, 6);
        UUID courseId = PublishedCourses.paid(platform, instructor, PublishedCourses.category(platform), title, PRICE);
        PlatformUsers.Session asker = buyer(courseId);
        PlatformUsers.Session spammer = buyer(courseId);
        PlatformUsers.Session outsider = PlatformUsers.verifiedStudent(platform);
        PlatformUsers.Session admin = PlatformUsers.admin(platform);

        String threadId = asker.client().post("/courses/" + courseId + "/threads", Map.of("title", "Lesson 1 setup",
                "body", "Which version do I need?")).assertStatus(201).id();
        String thread = "/threads/" + threadId;
        String spam = spammer.client().post(thread + "/posts", Map.of("body", "Cheap followers at my site"))
                .assertStatus(201).id();
        String help = instructor.client().post(thread + "/posts", Map.of("body", "Any version from 21 on."))
                .assertStatus(201).id();
        outsider.client().get(thread + "/posts").assertProblem(403);
        outsider.client().get("/courses/" + courseId + "/threads").assertProblem(403);
        eventually(PATIENCE, () -> asker.client().get("/notifications").assertStatus(200).items(),
                notices -> assertThat(notices).as("the asker follows the thread")
                        .anySatisfy(notice -> assertThat(notice.path("link").asString())
                                .isEqualTo("/api/v1/posts/" + help)));

        asker.client().post("/posts/" + spam + "/report", Map.of("reason", "Advertising")).assertStatus(202);

        JsonNode item = eventually(PATIENCE,
                () -> admin.client().get("/admin/reports/discussion-posts/" + spam),
                response -> assertThat(response.status()).as("the post in review-service's queue").isEqualTo(200))
                .body();
        assertThat(item.path("text").asString()).isEqualTo("Cheap followers at my site");
        assertThat(item.path("courseId").asString()).isEqualTo(courseId.toString());
        assertThat(admin.client().get("/admin/reports?kind=DISCUSSION_POST&size=100").assertStatus(200)
                .items("contentId")).contains(spam);

        admin.client().post("/admin/reports/discussion-posts/" + spam + "/decisions",
                Map.of("action", "REMOVE", "reason", "Advertising.")).assertStatus(200);

        eventually(PATIENCE, () -> asker.client().get(thread + "/posts").assertStatus(200).items("id"),
                ids -> assertThat(ids).as("the removed post is gone").doesNotContain(spam));
        assertThat(asker.client().get(thread + "/posts").items("id")).contains(help);
        asker.client().get("/posts/" + spam).assertProblem(404);
        spammer.client().get("/posts/" + spam).assertProblem(404);
        eventually(PATIENCE, () -> spammer.client().get("/notifications").assertStatus(200).items(),
                notices -> assertThat(notices).anySatisfy(notice -> {
                    assertThat(notice.path("kind").asString()).isEqualTo("CONTENT_MODERATED");
                    assertThat(notice.path("text").asString()).contains("removed", "Advertising.");
                }));
    }

    /** A new learner who bought the course, once notification-service knows of the enrollment. */
    private static PlatformUsers.Session buyer(UUID courseId) {
        PlatformUsers.Session learner = PlatformUsers.verifiedStudent(platform);
        LocalCheckout.pay(LocalCheckout.create(learner, courseId).path("checkoutUrl").asString());
        eventually(PATIENCE, () -> learner.client().get("/courses/" + courseId + "/threads"),
                response -> assertThat(response.status()).as("the learner may read the course's discussions")
                        .isEqualTo(200));
        return learner;
    }
}
