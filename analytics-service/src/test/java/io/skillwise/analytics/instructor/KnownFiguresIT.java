package io.skillwise.analytics.instructor;

import static io.skillwise.analytics.support.Figures.inCurrency;
import static io.skillwise.analytics.support.Figures.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skillwise.analytics.support.AnalyticsApiTest;
import io.skillwise.analytics.support.KnownHistory;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A known history gives known figures, worked out by hand (KnownHistory says what happened; docs/analytics.md how
 * each figure is defined).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "skillwise.analytics.projection.topic-suffix=.known")
class KnownFiguresIT extends AnalyticsApiTest {

    private final KnownHistory history = new KnownHistory(Instant.now());

    @BeforeAll
    void publishTheHistory() {
        connect();
        publish(history.events());
        awaitCaughtUp();
    }

    @Test
    void dashboardShowsEarningsAfterFeesRefundsAndCommissions() {
        JsonNode dashboard = api.as(history.instructorA).get("/instructors/dashboard").assertStatus(200).body();

        // sales 49.99 + 37.50 + 22.50, share 8.00; refunded 49.99 + 6.25 + 3.75; fees 15.00 + 11.25 + 6.75 + 2.40
        // less 15.00 + 1.88 + 1.13 given back
        assertThat(money(inCurrency(dashboard.path("earnings").path("total"), "USD")))
                .containsExactly(3, 3, 11799, 1998, 5999, 1739, 0, 4061);
        // the last 30 days hold only the bundle and its partial refund
        assertThat(money(inCurrency(dashboard.path("earnings").path("last30Days"), "USD")))
                .containsExactly(2, 2, 6000, 1998, 1000, 1499, 0, 3501);
        assertThat(dashboard.path("enrolledStudents").asLong()).isEqualTo(2);
        assertThat(dashboard.path("activeCourses").asInt()).isEqualTo(2);
        assertThat(dashboard.path("averageRating").asDouble()).isEqualTo(4.33);
        assertThat(dashboard.path("ratingCount").asLong()).isEqualTo(3);
        assertThat(dashboard.path("enrollments").asLong()).isEqualTo(3);
        assertThat(dashboard.path("completedEnrollments").asLong()).isEqualTo(1);
        assertThat(dashboard.path("completionRate").asDouble()).isEqualTo(0.3333);
        assertThat(dashboard.path("asOf").asString()).isEqualTo(history.daysAgo(6).toString());
    }

    @Test
    void dashboardShowsEngagementPerDay() {
        JsonNode days = api.as(history.instructorA).get("/instructors/dashboard").assertStatus(200)
                .body().path("engagement").path("days");

        assertThat(days.values().stream().map(day -> day.path("period").asString() + " "
                        + day.path("activeLearners").asLong() + " " + day.path("lessonsCompleted").asLong() + " "
                        + day.path("quizAttempts").asLong()).toList())
                .containsExactly(history.day(14) + " 1 2 0", history.day(13) + " 1 1 1", history.day(12) + " 1 1 0");
    }

    @Test
    void campaignEffectComesFromPromotionEventsAndOwnFigures() {
        JsonNode campaign = api.as(history.instructorA).get("/instructors/dashboard").assertStatus(200)
                .body().path("campaigns").get(0);

        assertThat(campaign.path("campaignId").asString()).isEqualTo(history.campaign.toString());
        assertThat(campaign.path("status").asString()).isEqualTo("RUNNING");
        assertThat(campaign.path("enrollments").asLong()).isEqualTo(3);
        assertThat(campaign.path("enrollmentsBefore").asLong()).isZero();
        assertThat(campaign.path("sales").get(0).path("count").asLong()).isEqualTo(2);
        assertThat(campaign.path("sales").get(0).path("amount").asLong()).isEqualTo(6000);
        assertThat(campaign.path("redemptions").get(0).path("count").asLong()).isEqualTo(1);
        assertThat(campaign.path("redemptions").get(0).path("amount").asLong()).isEqualTo(500);
    }

    @Test
    void coursesListTheirEnrollmentsRevenueAndRatings() {
        JsonNode courses = api.as(history.instructorA).get("/instructors/courses").assertStatus(200).body();

        assertThat(courses.path("totalItems").asLong()).isEqualTo(2);
        JsonNode java = courses.path("items").get(0);
        assertThat(java.path("title").asString()).isEqualTo("Java");
        assertThat(java.path("enrollments").asLong()).isEqualTo(1);
        assertThat(java.path("completed").asLong()).isEqualTo(1);
        assertThat(java.path("revokedEnrollments").asLong()).isEqualTo(1);
        assertThat(java.path("ratingAverage").asDouble()).isEqualTo(4.5);
        assertThat(money(inCurrency(java.path("revenue"), "USD"))).containsExactly(2, 2, 8749, 1249, 5624, 937, 0, 2188);
        JsonNode sql = courses.path("items").get(1);
        assertThat(sql.path("title").asString()).isEqualTo("SQL");
        assertThat(sql.path("enrollments").asLong()).isEqualTo(2);
        assertThat(money(inCurrency(sql.path("revenue"), "USD"))).containsExactly(1, 1, 3050, 749, 375, 802, 0, 1873);
        assertThat(courses.path("asOf").asString()).isNotBlank();
    }

    @Test
    void instructorBsLostDisputeAndReversedCommissionLeaveNothing() {
        JsonNode dashboard = api.as(history.instructorB).get("/instructors/dashboard").assertStatus(200).body();

        assertThat(money(inCurrency(dashboard.path("earnings").path("total"), "USD")))
                .containsExactly(1, 1, 1999, 0, 1999, 0, 0, 0);
        assertThat(dashboard.path("enrolledStudents").asLong()).isZero();
    }
}
