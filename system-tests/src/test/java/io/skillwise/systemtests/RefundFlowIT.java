package io.skillwise.systemtests;

import static io.skillwise.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.skillwise.devstack.DevStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue #19's refund use case, through the gateway: a learner who bought a course asks for their money back within
 * the refund window. Once the provider confirms it, every part of the platform follows: the order is refunded, the
 * enrollment revoked and learning refused (the progress so far stays readable), the instructor's ledger and
 * dashboard give the money back, and the learner is told in the app and by mail. Nobody else may refund the order,
 * and a second refund changes nothing.
 */
class RefundFlowIT {

    private static final long PRICE = 3900;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static DevStack platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void aLearnersRefundRevokesTheCourseReversesTheEarningsAndTellsTheLearner() throws Exception {
        PlatformUsers.Session instructor = PlatformUsers.instructor(platform);
        String title = "Refund flow " + UUID.randomUUID().toString().substring(0, 6);
        UUID courseId = PublishedCourses.paid(platform, instructor, PublishedCourses.category(platform), title, PRICE);
        PlatformUsers.Session learner = PlatformUsers.verifiedStudent(platform);
        PlatformUsers.Session stranger = PlatformUsers.verifiedStudent(platform);
        String orderId = LocalCheckout.buy(learner, courseId);
        JsonNode progress = learner.client().get("/progress/" + courseId).assertStatus(200).body();
        String enrollmentId = progress.path("enrollmentId").asString();
        String lessonId = progress.path("lessons").get(0).path("lessonId").asString();
        eventually(PATIENCE, () -> instructor.client().get("/instructors/earnings"),
                response -> assertThat(response.assertStatus(200).body().path("totals").findValues("gross"))
                        .as("the sale in the instructor's ledger").isNotEmpty());

        stranger.client().post("/payments/" + orderId + "/refund", Map.of("reason", "not mine"))
                .assertProblem(403);
        learner.client().post("/payments/" + orderId + "/refund",
                Map.of("reason", "The course was not what I needed.")).assertStatus(202);

        eventually(PATIENCE, () -> learner.client().get("/enrollments/" + enrollmentId),
                response -> assertThat(response.assertStatus(200).text("status")).as("the enrollment once revoked")
                        .isEqualTo("REVOKED"));
        assertThat(orderStatus(learner, orderId)).isEqualTo("REFUNDED");
        assertThat(learner.client().get("/progress/" + courseId).assertStatus(200).text("status"))
                .as("the learner still sees how far they got").isEqualTo("REVOKED");
        learner.client().patch("/enrollments/" + enrollmentId + "/progress",
                Map.of("lessonId", lessonId, "completed", true)).assertProblem(403);

        // the instructor's ledger (payment-service) and dashboard (analytics) give the money back, to the cent
        eventually(PATIENCE, () -> instructor.client().get("/instructors/earnings"), response -> {
            JsonNode total = response.assertStatus(200).body().path("totals").get(0);
            assertThat(total.path("gross").asLong()).as("gross after the refund").isZero();
            assertThat(total.path("net").asLong()).as("net after the refund").isZero();
        });
        eventually(PATIENCE, () -> instructor.client().get("/instructors/dashboard"), response -> {
            JsonNode body = response.assertStatus(200).body();
            JsonNode money = body.path("earnings").path("total").get(0);
            assertThat(money.path("refunds").asLong()).isEqualTo(1);
            assertThat(money.path("refunded").asLong()).isEqualTo(PRICE);
            assertThat(money.path("net").asLong()).isZero();
            assertThat(body.path("enrolledStudents").asLong()).as("the refund took the learner away").isZero();
        });

        // the learner is told: the refund and the lost access, in the app; the refund by mail
        List<String> kinds = eventually(PATIENCE, () -> learner.client().get("/notifications?size=50")
                        .assertStatus(200).items().stream().map(notice -> notice.path("kind").asString()).toList(),
                found -> assertThat(found).contains("PAYMENT_REFUNDED", "ENROLLMENT_REVOKED"));
        assertThat(kinds).filteredOn("PAYMENT_REFUNDED"::equals).hasSize(1);
        String subject = "Your refund of 39.00 USD";
        eventually(PATIENCE, () -> Mailbox.withSubject(platform, learner, subject),
                mails -> assertThat(mails).as("the refund in the learner's mailbox").hasSize(1));
        assertThat(Mailbox.withSubject(platform, stranger, subject)).isEmpty();

        // asking again changes nothing
        learner.client().post("/payments/" + orderId + "/refund", Map.of("reason", "again")).assertProblem(409);
        assertThat(orderStatus(learner, orderId)).isEqualTo("REFUNDED");
        assertThat(instructor.client().get("/instructors/earnings").assertStatus(200).body().path("totals").get(0)
                .path("net").asLong()).isZero();
    }

    private static String orderStatus(PlatformUsers.Session buyer, String orderId) {
        return buyer.client().get("/payments/history").assertStatus(200).items().stream()
                .filter(order -> order.path("orderId").asString().equals(orderId))
                .map(order -> order.path("status").asString()).findFirst().orElseThrow();
    }
}
