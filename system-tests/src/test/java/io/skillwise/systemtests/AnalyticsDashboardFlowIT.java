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
import static org.awaitility.Awaitility.await;

/**
 * Seed use case 4 on the local platform, through the gateway: learners buy two courses of an instructor, an admin
 * refunds one of the orders, a learner completes the course; then the instructor's dashboard shows the sales, the
 * refund and the completion, with money that adds up to payment-service's earnings ledger to the cent, and the
 * admin's analytics show the course among the platform's figures. Nothing in analytics was told anything but events.
 */
class AnalyticsDashboardFlowIT {

    private static final long PRICE_A = 4000;
    private static final long PRICE_B = 2500;
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static DevStack platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void purchasesARefundAndACompletionShowOnTheInstructorsDashboardAndTheAdminsAnalytics() {
        PlatformUsers.Session instructor = PlatformUsers.instructor(platform);
        String category = PublishedCourses.category(platform);
        UUID courseA = PublishedCourses.paid(platform, instructor, category, "Analytics course A", PRICE_A);
        UUID courseB = PublishedCourses.paid(platform, instructor, category, "Analytics course B", PRICE_B);
        PlatformUsers.Session learner = PlatformUsers.verifiedStudent(platform);
        PlatformUsers.Session changedTheirMind = PlatformUsers.verifiedStudent(platform);

        LocalCheckout.buy(learner, courseA);
        String refunded = LocalCheckout.buy(changedTheirMind, courseA);
        LocalCheckout.buy(changedTheirMind, courseB);
        PlatformUsers.admin(platform).client().post("/payments/" + refunded + "/refund",
                Map.of("reason", "bought by mistake")).assertStatus(202);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(changedTheirMind.client().get("/payments/history")
                .assertStatus(200).items().stream().filter(order -> order.path("orderId").asString().equals(refunded))
                .map(order -> order.path("status").asString())).containsExactly("REFUNDED"));
        assertThat(Learning.completeFirstLesson(learner, courseA).path("status").asString())
                .as("the course of one lesson is completed").isEqualTo("COMPLETED");

        // the dashboard once analytics has applied all of it
        JsonNode dashboard = eventually(PATIENCE, () -> instructor.client().get("/instructors/dashboard"),
                response -> {
                    JsonNode body = response.assertStatus(200).body();
                    assertThat(body.path("earnings").path("total")).hasSize(1);
                    assertThat(body.path("earnings").path("total").get(0).path("refunds").asLong()).isEqualTo(1);
                    assertThat(body.path("completedEnrollments").asLong()).isEqualTo(1);
                }).body();
        JsonNode money = dashboard.path("earnings").path("total").get(0);
        assertThat(money.path("currency").asString()).isEqualTo("USD");
        assertThat(money.path("orders").asLong()).isEqualTo(3);
        assertThat(money.path("gross").asLong()).isEqualTo(2 * PRICE_A + PRICE_B);
        assertThat(money.path("refunded").asLong()).isEqualTo(PRICE_A);
        assertThat(dashboard.path("earnings").path("last30Days")).isEqualTo(dashboard.path("earnings").path("total"));
        assertThat(dashboard.path("activeCourses").asInt()).isEqualTo(2);
        assertThat(dashboard.path("enrolledStudents").asLong()).as("the refund took course A away").isEqualTo(2);
        assertThat(dashboard.path("completionRate").asDouble()).isEqualTo(0.5);
        assertThat(dashboard.path("engagement").path("days").findValues("lessonsCompleted").stream()
                .mapToLong(JsonNode::asLong).sum()).isEqualTo(1);
        assertThat(dashboard.path("asOf").asString()).isNotBlank();

        // the same money as payment-service's ledger, to the cent
        JsonNode ledger = instructor.client().get("/instructors/earnings").assertStatus(200).body()
                .path("totals").get(0);
        assertThat(ledger.path("gross").asLong()).isEqualTo(money.path("gross").asLong()
                - money.path("refunded").asLong());
        assertThat(ledger.path("platformFee").asLong()).isEqualTo(money.path("platformFee").asLong());
        assertThat(ledger.path("affiliateCommission").asLong()).isEqualTo(money.path("affiliateCommission").asLong());
        assertThat(ledger.path("net").asLong()).isEqualTo(money.path("net").asLong());

        JsonNode courses = instructor.client().get("/instructors/courses").assertStatus(200).body();
        assertThat(courses.path("items").findValuesAsString("title"))
                .containsExactly("Analytics course A", "Analytics course B");
        assertThat(instructor.client().withHeader("Accept", "text/csv").get("/instructors/reports/sales")
                .assertStatus(200).text()).startsWith("periodStart,");
        assertThat(learner.client().get("/instructors/dashboard").status()).as("students see no dashboard")
                .isEqualTo(403);
        assertThat(instructor.client().get("/admin/analytics").status()).isEqualTo(403);

        // the admin's view of the platform includes them (other tests sell on the same platform: at least ours)
        JsonNode platformFigures = PlatformUsers.admin(platform).client().get("/admin/analytics?top=50")
                .assertStatus(200).body();
        assertThat(platformFigures.path("ordersPaid").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(platformFigures.path("topCoursesByRevenue").findValuesAsString("courseId"))
                .contains(courseA.toString(), courseB.toString());
        assertThat(platformFigures.path("refunds").path("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(platformFigures.path("checkout").path("purchased").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(platformFigures.path("asOf").asString()).isNotBlank();
    }
}
