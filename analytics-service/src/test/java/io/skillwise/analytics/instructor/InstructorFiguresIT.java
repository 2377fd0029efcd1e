package io.skillwise.analytics.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import io.skillwise.analytics.support.AnalyticsApiTest;
import io.skillwise.analytics.support.CsvRows;
import io.skillwise.analytics.support.KnownFigures;
import io.skillwise.analytics.support.KnownHistory;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A known history gives known instructor figures, worked out by hand (KnownHistory says what happened,
 * docs/analytics.md how each figure is defined), and every report gives the same rows as CSV as as JSON.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "skillwise.analytics.projection.topic-suffix=.instructor-figures")
class InstructorFiguresIT extends AnalyticsApiTest {

    private final KnownHistory history = new KnownHistory(Instant.now());
    private final KnownFigures figures = new KnownFigures(history);
    private ApiClient asA;

    @BeforeAll
    void publishTheHistory() {
        connect();
        publish(history.events());
        awaitCaughtUp();
        asA = api.as(history.instructorA);
    }

    @Test
    void dashboardShowsEarningsAfterFeesRefundsAndCommissionsWithEngagementAndCampaigns() {
        JsonNode dashboard = asA.get("/instructors/dashboard").assertStatus(200).body();

        figures.assertDashboardOfA(dashboard);
        assertThat(dashboard.path("asOf").asString()).as("the newest event applied")
                .isEqualTo(history.daysAgo(6).toString());
    }

    @Test
    void lostDisputeAndReversedCommissionGiveEverythingBack() {
        figures.assertDashboardOfB(api.as(history.instructorB).get("/instructors/dashboard").assertStatus(200).body());
    }

    @Test
    void coursesListTheirEnrollmentsRevenueAndRatings() {
        JsonNode courses = asA.get("/instructors/courses").assertStatus(200).body();

        figures.assertCoursesOfA(courses);
        assertThat(courses.path("asOf").asString()).isEqualTo(history.daysAgo(6).toString());
    }

    @Test
    void dailySalesReportHasEveryDayAndStream() {
        figures.assertDailySalesOfA(asA.get(dailyReport()).assertStatus(200).body());
    }

    @Test
    void monthlySalesReportShowsTheSubscriptionShareInItsMonth() {
        JsonNode report = asA.get("/instructors/reports/sales?granularity=month&from=" + history.shareMonth
                + "&to=" + history.today()).assertStatus(200).body();

        JsonNode share = report.path("rows").values().stream()
                .filter(row -> row.path("stream").asString().equals("SUBSCRIPTION")
                        && row.path("periodStart").asString().equals(history.shareMonth.toString()))
                .findFirst().orElseThrow();
        assertThat(share.path("gross").asLong()).isEqualTo(800);
        assertThat(share.path("platformFee").asLong()).isEqualTo(240);
        assertThat(share.path("net").asLong()).isEqualTo(560);
        assertThat(report.path("totals").get(0).path("net").asLong()).as("everything A ever earned").isEqualTo(4061);
    }

    @Test
    void salesReportOfOneCourse() {
        JsonNode report = asA.get("/instructors/reports/sales?granularity=week&courseId=" + history.c2 + "&from="
                + history.day(20) + "&to=" + history.today()).assertStatus(200).body();

        assertThat(report.path("totals").get(0).path("gross").asLong()).isEqualTo(2250);
        assertThat(report.path("totals").get(0).path("refunded").asLong()).isEqualTo(375);
    }

    @Test
    void transactionHistoryListsTheLedgerNewestFirst() {
        figures.assertTransactionsOfA(asA.get(transactions() + "&size=100").assertStatus(200).body());
        JsonNode secondPage = asA.get(transactions() + "&size=4&page=1").assertStatus(200).body();
        assertThat(secondPage.path("items").size()).isEqualTo(2);
        assertThat(secondPage.path("totalPages").asLong()).isEqualTo(2);
    }

    @Test
    void salesReportAsCsvHasTheRowsOfTheJson() {
        JsonNode json = asA.get(dailyReport()).assertStatus(200).body();
        ApiResponse csv = asA.withHeader("Accept", "text/csv").get(dailyReport()).assertStatus(200);

        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment");
        assertThat(csv.header("X-Data-As-Of")).isEqualTo(json.path("asOf").asString());
        List<List<String>> rows = CsvRows.parse(csv.text());
        assertThat(rows.getFirst()).containsExactly("periodStart", "periodEnd", "stream", "currency", "orders",
                "refunds", "gross", "discount", "refunded", "platformFee", "affiliateCommission", "net");
        assertThat(rows.subList(1, rows.size())).isEqualTo(json.path("rows").values().stream()
                .map(row -> fields(row, rows.getFirst())).toList());
    }

    @Test
    void transactionsAsCsvHoldEveryRowOfTheJsonPages() {
        JsonNode json = asA.get(transactions() + "&size=100").assertStatus(200).body();
        List<List<String>> rows = CsvRows.parse(asA.withHeader("Accept", "text/csv").get(transactions() + "&size=2")
                .assertStatus(200).text());

        assertThat(rows).hasSize(7);
        assertThat(rows.subList(1, rows.size())).isEqualTo(json.path("items").values().stream()
                .map(row -> fields(row, rows.getFirst())).toList());
    }

    @Test
    void coursesAsCsvHaveTheFiguresOfTheJson() {
        JsonNode json = asA.get("/instructors/courses").assertStatus(200).body();
        List<List<String>> rows = CsvRows.parse(asA.withHeader("Accept", "text/csv;q=0.9, application/json;q=0.1")
                .get("/instructors/courses").assertStatus(200).text());

        assertThat(rows).hasSize(3);
        for (int i = 0; i < 2; i++) {
            JsonNode course = json.path("items").get(i);
            JsonNode usd = course.path("revenue").get(0);
            assertThat(rows.get(i + 1)).containsExactly(course.path("courseId").asString(),
                    course.path("title").asString(), course.path("status").asString(),
                    course.path("enrollments").asString(), course.path("completed").asString(),
                    course.path("completionRate").asString(), course.path("revokedEnrollments").asString(),
                    course.path("ratingAverage").asString(), course.path("ratingCount").asString(), "USD",
                    usd.path("orders").asString(), usd.path("refunds").asString(), usd.path("gross").asString(),
                    usd.path("discount").asString(), usd.path("refunded").asString(),
                    usd.path("platformFee").asString(), usd.path("affiliateCommission").asString(),
                    usd.path("net").asString());
        }
    }

    @Test
    void jsonIsTheAnswerWhenCsvIsNotPreferred() {
        ApiResponse answer = asA.withHeader("Accept", "application/json, text/csv;q=0.5").get(dailyReport())
                .assertStatus(200);

        assertThat(answer.contentType()).startsWith("application/json");
    }

    private String dailyReport() {
        return "/instructors/reports/sales?from=" + history.day(20) + "&to=" + history.day(10) + "&granularity=day";
    }

    private String transactions() {
        return "/instructors/reports/transactions?from=" + history.day(60) + "&to=" + history.today();
    }

    /** The JSON fields of a row in the order of the CSV header, as CSV writes them (absent fields empty). */
    private static List<String> fields(JsonNode row, List<String> header) {
        return header.stream().map(name -> row.path(name).isMissingNode() || row.path(name).isNull() ? ""
                : row.path(name).asString()).toList();
    }
}
