package io.skillwise.analytics.admin;

import static io.skillwise.analytics.support.Figures.inCurrency;
import static org.assertj.core.api.Assertions.assertThat;

import io.skillwise.analytics.support.AnalyticsApiTest;
import io.skillwise.analytics.support.CsvRows;
import io.skillwise.analytics.support.KnownFigures;
import io.skillwise.analytics.support.KnownHistory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The admin's platform figures of a known history (use case 4: top courses, most active users, total earnings). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "skillwise.analytics.projection.topic-suffix=.admin-analytics")
class AdminAnalyticsIT extends AnalyticsApiTest {

    private final KnownHistory history = new KnownHistory(Instant.now());
    private final KnownFigures figures = new KnownFigures(history);

    @BeforeAll
    void publishTheHistory() {
        connect();
        publish(history.events());
        awaitCaughtUp();
    }

    @Test
    void platformFiguresAddUpAndRankCoursesAndUsers() {
        JsonNode analytics = api.as(admin).get("/admin/analytics?" + figures.adminRange()).assertStatus(200).body();

        figures.assertAdminFigures(analytics);
        JsonNode usd = inCurrency(analytics.path("revenue"), "USD");
        assertThat(usd.path("courseSales").asLong() - usd.path("refunded").asLong()
                + usd.path("subscriptionRevenue").asLong())
                .as("what came in is what the platform, instructors and affiliates got")
                .isEqualTo(usd.path("platformRevenue").asLong() + usd.path("instructorEarnings").asLong()
                        + usd.path("affiliateCommission").asLong());
        assertThat(analytics.path("asOf").asString()).isEqualTo(history.daysAgo(6).toString());
    }

    @Test
    void newUsersArePerPeriod() {
        JsonNode users = api.as(admin).get("/admin/analytics?granularity=month&" + figures.adminRange())
                .assertStatus(200).body().path("newUsers");

        assertThat(users.path("byPeriod").values().stream().mapToLong(period -> period.path("total").asLong()).sum())
                .isEqualTo(5);
        assertThat(users.path("byPeriod").get(0).path("periodStart").asString())
                .as("the first month starts where the range starts").isEqualTo(history.day(75).toString());
    }

    @Test
    void subscriptionSharesCountAgainstSubscriptionRevenueInTheirMonth() {
        JsonNode usd = inCurrency(api.as(admin).get("/admin/analytics?granularity=month&from=" + history.shareMonth
                + "&to=" + history.shareMonth.plusMonths(1).minusDays(1)).assertStatus(200).body()
                .path("revenue"), "USD");

        assertThat(usd.path("subscriptionShares").asLong()).isEqualTo(560);
        assertThat(usd.path("instructorEarnings").asLong()).isEqualTo(560);
        assertThat(usd.path("platformRevenue").asLong()).as("no payment of that month is in this history").isEqualTo(-560);
    }

    @Test
    void platformSalesReportCoversEveryInstructorAndComesAsCsvToo() {
        String path = "/admin/analytics/reports/sales?granularity=week&" + figures.adminRange();
        JsonNode report = api.as(admin).get(path).assertStatus(200).body();
        List<List<String>> csv = CsvRows.parse(api.as(admin).withHeader("Accept", "text/csv").get(path)
                .assertStatus(200).text());

        JsonNode usd = inCurrency(report.path("totals"), "USD");
        assertThat(usd.path("gross").asLong()).isEqualTo(12998);
        assertThat(usd.path("refunded").asLong()).isEqualTo(7998);
        assertThat(csv).hasSize(report.path("rows").size() + 1);
        assertThat(csv.get(1).get(0)).isEqualTo(report.path("rows").get(0).path("periodStart").asString());
    }
}
