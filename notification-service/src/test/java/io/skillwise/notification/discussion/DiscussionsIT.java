package io.skillwise.notification.discussion;

import io.skillwise.events.enrollment.EnrollmentRevoked;
import io.skillwise.events.enrollment.RevocationReason;
import io.skillwise.events.identity.UserDeactivated;
import io.skillwise.events.notification.DiscussionPostReported;
import io.skillwise.events.review.ContentModerated;
import io.skillwise.events.review.ModeratedContentKind;
import io.skillwise.events.review.ModerationDecision;
import io.skillwise.notification.replica.Enrollment;
import io.skillwise.notification.replica.EnrollmentReplica;
import io.skillwise.notification.support.Mailbox;
import io.skillwise.notification.support.NotificationServiceTest;
import io.skillwise.notification.support.TestCourse;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** A course's learners and instructor discuss in threads; only they (and admins) read them; moderation applies. */
class DiscussionsIT extends NotificationServiceTest {

    @Autowired
    EnrollmentReplica enrollments;
    @Autowired
    MongoTemplate mongo;

    @Test
    void learnersAndTheInstructorDiscussAndFollowersAreToldOfNewPosts() {
        TestCourse course = publishedCourse();
        TestUser asker = enrolledIn(course);
        TestUser helper = enrolledIn(course);
        TestUser lurker = enrolledIn(course);
        UUID lesson = UUID.randomUUID();

        ApiResponse started = api.as(asker).post(course.path("/threads"), Map.of("title", "Closures?",
                "body", "How do closures capture variables?", "lessonId", lesson.toString()));

        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        assertThat(started.text("lessonId")).isEqualTo(lesson.toString());
        assertThat(started.body().path("following").asBoolean()).isTrue();
        String thread = "/threads/" + started.id();
        String reply = api.as(helper).post(thread + "/posts", Map.of("body", "By reference."))
                .assertStatus(201).id();
        ApiResponse answer = api.as(course.instructor()).post(thread + "/posts",
                Map.of("body", "They capture the variable, not its value.", "replyTo", reply));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.body().path("byInstructor").asBoolean()).isTrue();
        assertThat(answer.text("replyTo")).isEqualTo(reply);

        List<JsonNode> posts = api.as(lurker).get(thread + "/posts").assertStatus(200).items();
        assertThat(posts).extracting(post -> post.path("body").asString()).containsExactly(
                "How do closures capture variables?", "By reference.", "They capture the variable, not its value.");
        assertThat(posts.get(1).path("authorName").asString()).startsWith("Test ");
        // the asker started the thread and the helper posted in it: both follow it and hear of the instructor's post
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(notificationsOf(asker, "DISCUSSION_POST")).hasSize(2);
            assertThat(notificationsOf(helper, "DISCUSSION_POST")).singleElement().satisfies(notice -> {
                assertThat(notice.path("title").asString()).isEqualTo("New post in \u201cClosures?\u201d");
                assertThat(notice.path("text").asString()).contains(course.title(), "not its value");
                assertThat(notice.path("link").asString()).isEqualTo("/api/v1/posts/" + answer.id());
            });
        });
        assertThat(notificationsOf(lurker, "DISCUSSION_POST")).as("does not follow").isEmpty();
        assertThat(notificationsOf(course.instructor(), "DISCUSSION_POST")).as("wrote the last post").isEmpty();
        assertThat(api.as(helper).get("/posts/" + answer.id()).text("body")).contains("not its value");

        ApiResponse marked = api.as(course.instructor()).patch(thread, Map.of("answerPostId", answer.id(),
                "pinned", true));
        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
        assertThat(marked.text("answerPostId")).isEqualTo(answer.id());
        assertThat(api.as(asker).get(thread).body().path("replyCount").asInt()).isEqualTo(2);
        assertThat(api.as(asker).get(thread + "/posts").items().get(2).path("answer").asBoolean()).isTrue();

        String later = api.as(lurker).post(course.path("/threads"), Map.of("title", "Later", "body", "About the "
                + "course.")).assertStatus(201).id();
        assertThat(api.as(lurker).get(course.path("/threads")).assertStatus(200).items("id"))
                .as("pinned first").containsExactly(started.id(), later);
        assertThat(api.as(lurker).get(course.path("/threads?lessonId=" + lesson)).items("id"))
                .containsExactly(started.id());
        assertThat(api.as(lurker).get(course.path("/threads?size=1&page=1")).items("id")).containsExactly(later);

        api.as(lurker).put("/notifications/preferences", Map.of("preferences",
                List.of(Map.of("kind", "DISCUSSION_POST", "inApp", true, "email", true)))).assertStatus(200);
        api.as(lurker).put(thread + "/follow", null).assertStatus(200);
        api.as(helper).delete(thread + "/follow").assertStatus(200);
        api.as(asker).post(thread + "/posts", Map.of("body", "Thanks!")).assertStatus(201);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notificationsOf(lurker, "DISCUSSION_POST"))
                .hasSize(1));
        assertThat(notificationsOf(helper, "DISCUSSION_POST")).as("unfollowed").hasSize(1);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(lurker.email(), "New post in"))
                .as("turned discussion mail on").singleElement()
                .satisfies(mail -> assertThat(Mailbox.text(mail)).contains("Thanks!")));
        assertThat(Mailbox.of(asker.email(), "New post in")).as("discussion mail is off by default").isEmpty();
    }

    @Test
    void onlyTheCoursesLearnersWithAccessItsInstructorAndAdminsTakePart() {
        TestCourse course = publishedCourse();
        TestUser learner = enrolledIn(course);
        TestUser other = enrolledIn(course);
        TestUser revoked = enrolledIn(course);
        TestUser outsider = TestUser.student();
        TestUser admin = TestUser.admin();
        register(outsider, admin);
        UUID revokedEnrollment = enrollments.find(course.id(), revoked.id()).map(Enrollment::id).orElseThrow();
        events.publish(new EnrollmentRevoked(revokedEnrollment, course.id(), revoked.id(), RevocationReason.ADMIN,
                null, null, UUID.randomUUID(), Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(enrollments.learnersOf(course.id()))
                .doesNotContain(revoked.id()));
        ApiResponse started = api.as(learner).post(course.path("/threads"), Map.of("title", "Mine",
                "body", "My question.")).assertStatus(201);
        String thread = "/threads/" + started.id();
        String post = "/posts/" + started.text("openingPostId");
        Map<String, Object> newThread = Map.of("title", "Hi", "body", "Hello.");

        for (TestUser stranger : List.of(outsider, revoked)) {
            api.as(stranger).get(course.path("/threads")).assertProblem(403);
            api.as(stranger).post(course.path("/threads"), newThread).assertProblem(403);
            api.as(stranger).get(thread).assertProblem(403);
            api.as(stranger).get(thread + "/posts").assertProblem(403);
            api.as(stranger).post(thread + "/posts", Map.of("body", "Me too")).assertProblem(403);
            api.as(stranger).get(post).assertProblem(403);
            api.as(stranger).post(post + "/report", Map.of("reason", "spam")).assertProblem(403);
            api.as(stranger).put(thread + "/follow", null).assertProblem(403);
        }
        api.anonymous().get(course.path("/threads")).assertProblem(401);
        api.as(learner).get("/courses/" + UUID.randomUUID() + "/threads").assertProblem(404);
        api.as(learner).get("/threads/" + UUID.randomUUID()).assertProblem(404);

        api.as(other).patch(post, Map.of("body", "Not yours")).assertProblem(403);
        api.as(course.instructor()).patch(post, Map.of("body", "Not yours either")).assertProblem(403);
        api.as(other).delete(post).assertProblem(403);
        api.as(other).patch(thread, Map.of("title", "Renamed")).assertProblem(403);
        api.as(other).patch(thread, Map.of("pinned", true)).assertProblem(403);
        api.as(learner).patch(thread, Map.of("locked", true)).assertProblem(403);
        api.as(admin).post(thread + "/posts", Map.of("body", "Admins read")).assertProblem(403);
        assertThat(api.as(learner).get(thread + "/posts").items("body")).containsExactly("My question.");

        assertThat(api.as(admin).get(thread + "/posts").assertStatus(200).items()).hasSize(1);
        assertThat(api.as(learner).patch(post, Map.of("body", "My better question.")).assertStatus(200)
                .text("editedAt")).isNotBlank();
        assertThat(api.as(learner).patch(thread, Map.of("title", "Mine, renamed")).assertStatus(200).text("title"))
                .isEqualTo("Mine, renamed");
        String others = api.as(other).post(thread + "/posts", Map.of("body", "Off topic")).assertStatus(201).id();
        api.as(course.instructor()).delete("/posts/" + others).assertStatus(204);
        api.as(learner).delete(post).assertStatus(204);
        assertThat(api.as(other).get(thread + "/posts").assertStatus(200).items()).isEmpty();
        api.as(other).get(post).assertProblem(404);
    }

    @Test
    void aLockedThreadRefusesPostsAndEdits() {
        TestCourse course = publishedCourse();
        TestUser learner = enrolledIn(course);
        ApiResponse started = api.as(learner).post(course.path("/threads"), Map.of("title", "Heated",
                "body", "Tabs or spaces?")).assertStatus(201);
        String thread = "/threads/" + started.id();

        assertThat(api.as(course.instructor()).patch(thread, Map.of("locked", true)).assertStatus(200).body()
                .path("locked").asBoolean()).isTrue();

        api.as(learner).post(thread + "/posts", Map.of("body", "Spaces!")).assertProblem(409);
        api.as(course.instructor()).post(thread + "/posts", Map.of("body", "Closed.")).assertProblem(409);
        api.as(learner).patch("/posts/" + started.text("openingPostId"), Map.of("body", "Tabs?")).assertProblem(409);
        assertThat(api.as(learner).get(thread + "/posts").items("body")).containsExactly("Tabs or spaces?");

        api.as(course.instructor()).patch(thread, Map.of("locked", false)).assertStatus(200);
        api.as(learner).post(thread + "/posts", Map.of("body", "Spaces!")).assertStatus(201);
    }

    @Test
    void invalidInputIsRefusedAndStoresNothing() {
        TestCourse course = publishedCourse();
        TestUser learner = enrolledIn(course);
        String longBody = "x".repeat(DiscussionViews.MAX_BODY + 1);
        List<Object> badThreads = List.of(
                Map.of("body", "no title"),
                Map.of("title", " ", "body", "blank title"),
                Map.of("title", "t".repeat(201), "body", "long title"),
                Map.of("title", "no body"),
                Map.of("title", "long body", "body", longBody),
                Map.of("title", "lesson", "body", "b", "lessonId", "lesson-1"),
                Map.of("title", "unknown field", "body", "b", "pinned", true),
                "not json");
        for (Object body : badThreads) {
            api.as(learner).post(course.path("/threads"), body).assertProblem(400);
        }
        api.as(learner).post("/courses/not-a-uuid/threads", Map.of("title", "t", "body", "b")).assertProblem(400);
        api.as(learner).get(course.path("/threads?size=101")).assertProblem(400);
        assertThat(api.as(learner).get(course.path("/threads")).assertStatus(200).items()).isEmpty();

        ApiResponse started = api.as(learner).post(course.path("/threads"), Map.of("title", "Fine",
                "body", "Fine.")).assertStatus(201);
        String thread = "/threads/" + started.id();
        String opening = started.text("openingPostId");
        Map<String, Object> unknownReply = new HashMap<>(Map.of("body", "b", "replyTo", UUID.randomUUID().toString()));
        for (Object body : List.of(Map.of(), Map.of("body", ""), Map.of("body", longBody), unknownReply,
                Map.of("body", "b", "extra", 1), "[]")) {
            api.as(learner).post(thread + "/posts", body).assertProblem(400);
        }
        api.as(learner).patch("/posts/" + opening, Map.of("body", " ")).assertProblem(400);
        api.as(learner).patch(thread, Map.of()).assertProblem(400);
        api.as(learner).patch(thread, Map.of("title", "")).assertProblem(400);
        api.as(course.instructor()).patch(thread, Map.of("pinned", "yes")).assertProblem(400);
        api.as(course.instructor()).patch(thread, Map.of("answerPostId", opening)).assertProblem(400);
        api.as(course.instructor()).post("/posts/" + opening + "/report", Map.of()).assertProblem(400);

        assertThat(api.as(learner).get(thread + "/posts").items("body")).containsExactly("Fine.");
        JsonNode unchanged = api.as(learner).get(thread).assertStatus(200).body();
        assertThat(unchanged.path("title").asString()).isEqualTo("Fine");
        assertThat(unchanged.path("pinned").asBoolean()).isFalse();
        assertThat(unchanged.path("replyCount").asInt()).isZero();
        assertThat(mongo.count(query(where("threadId").is(started.id())), DiscussionPost.class)).isEqualTo(1);
    }

    @Test
    void aReportGoesOutOnceAndTheModeratorsDecisionComesBackOnce() {
        TestCourse course = publishedCourse();
        TestUser author = enrolledIn(course);
        TestUser reader = enrolledIn(course);
        TestUser admin = TestUser.admin();
        register(admin);
        ApiResponse started = api.as(author).post(course.path("/threads"), Map.of("title", "Deals",
                "body", "Buy followers at my site")).assertStatus(201);
        String postId = started.text("openingPostId");
        String thread = "/threads/" + started.id();

        api.as(reader).post("/posts/" + postId + "/report", Map.of("reason", "Advertising")).assertStatus(202);
        api.as(reader).post("/posts/" + postId + "/report", Map.of("reason", "Again")).assertProblem(409);
        api.as(author).post("/posts/" + postId + "/report", Map.of("reason", "Mine")).assertProblem(409);
        api.as(course.instructor()).post("/posts/" + postId + "/report", Map.of("reason", "Spam")).assertStatus(202);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reportsOf(postId)).hasSize(2));
        DiscussionPostReported report = reportsOf(postId).stream()
                .filter(reported -> reported.reporterId().equals(reader.id())).findFirst().orElseThrow();
        assertThat(report.threadId().toString()).isEqualTo(started.id());
        assertThat(report.courseId()).isEqualTo(course.id());
        assertThat(report.instructorId()).isEqualTo(course.instructor().id());
        assertThat(report.authorId()).isEqualTo(author.id());
        assertThat(report.reason()).isEqualTo("Advertising");
        assertThat(report.excerpt()).isEqualTo("Buy followers at my site");

        events.publishTwice(decision(course, author, postId, admin, ModerationDecision.HIDDEN, "Advertising."));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.as(reader).get(thread + "/posts").items())
                .isEmpty());
        JsonNode hidden = api.as(author).get(thread + "/posts").items().getFirst();
        assertThat(hidden.path("status").asString()).isEqualTo("HIDDEN");
        assertThat(hidden.path("hiddenReason").asString()).isEqualTo("Advertising.");
        api.as(reader).get("/posts/" + postId).assertProblem(404);
        api.as(author).patch("/posts/" + postId, Map.of("body", "Edited")).assertProblem(409);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notificationsOf(author, "CONTENT_MODERATED"))
                .singleElement().satisfies(notice -> {
                    assertThat(notice.path("link").asString()).as("the author can open the hidden post")
                            .isEqualTo("/api/v1/posts/" + postId);
                    assertThat(api.as(author).get("/posts/" + postId).text("hiddenReason")).isEqualTo("Advertising.");
                }));

        events.publish(decision(course, author, postId, admin, ModerationDecision.RESTORED, null));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.as(reader).get(thread + "/posts").items("status"))
                .containsExactly("VISIBLE"));

        events.publish(decision(course, author, postId, admin, ModerationDecision.REMOVED, "Spam."));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.as(author).get(thread + "/posts").items())
                .isEmpty());
        assertThat(api.as(admin).get(thread + "/posts").items()).isEmpty();
        // a late restore of a removed post changes nothing; the decision after it (same course, same partition)
        // says when it has been read
        String other = api.as(reader).post(thread + "/posts", Map.of("body", "Me too")).assertStatus(201).id();
        events.publish(decision(course, author, postId, admin, ModerationDecision.RESTORED, null),
                decision(course, reader, other, admin, ModerationDecision.HIDDEN, "Echo."));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.as(author).get(thread + "/posts").items())
                .isEmpty());
        assertThat(mongo.findById(postId, DiscussionPost.class)).satisfies(post -> {
            assertThat(post.status()).isEqualTo(DiscussionPost.Status.REMOVED);
            assertThat(post.body()).isNull();
        });
        // hidden (delivered twice), restored, removed, restored: the author hears of each decision once
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notificationsOf(author, "CONTENT_MODERATED"))
                .hasSize(4));
    }

    @Test
    void aDeletedAccountsPostsLoseTheirTextAndItFollowsNothing() {
        TestCourse course = publishedCourse();
        TestUser leaving = enrolledIn(course);
        TestUser staying = enrolledIn(course);
        ApiResponse started = api.as(leaving).post(course.path("/threads"), Map.of("title", "Bye",
                "body", "My words.")).assertStatus(201);
        String thread = "/threads/" + started.id();
        api.as(staying).post(thread + "/posts", Map.of("body", "Still here.")).assertStatus(201);

        events.publish(new UserDeactivated(leaving.id(), UUID.randomUUID(), Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.as(staying).get(thread + "/posts")
                .items("body")).containsExactly("Still here."));
        assertThat(api.as(staying).get(thread).body().path("following").asBoolean()).isTrue();
        assertThat(mongo.findById(started.id(), DiscussionThread.class).followers())
                .containsExactly(staying.id().toString());
    }

    private List<DiscussionPostReported> reportsOf(String postId) {
        return events.published(DiscussionPostReported.class).stream()
                .filter(reported -> reported.postId().toString().equals(postId)).toList();
    }

    private static ContentModerated decision(TestCourse course, TestUser author, String postId, TestUser moderator,
                                             ModerationDecision decision, String reason) {
        return new ContentModerated(ModeratedContentKind.DISCUSSION_POST, UUID.fromString(postId), course.id(),
                course.instructor().id(), author.id(), decision, reason, moderator.id(), Instant.now());
    }
}
