package io.skillwise.analytics.support;

import static io.skillwise.analytics.support.Figures.inCurrency;
import static io.skillwise.analytics.support.Figures.money;
import static org.assertj.core.api.Assertions.assertThat;

import io.skillwise.testsupport.ApiClient;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The figures of {@link KnownHistory}, worked out by hand: whatever order its events arrive in, however often, and
 * whichever projection version answers, these are the answers.
 */
public final class KnownFigures {

    private final KnownHistory history;

    public KnownFigures(KnownHistory history) {
        this.history = history;
    }

    /** The range of the admin figures: every event but the subscription share of four months ago. */
    public String adminRange() {
        return "from=" + history.day(75) + "&to=" + history.today();
    }

    public void assertDashboardOfA(JsonNode dashboard) {
        // sales 49.99 + 37.50 + 22.50 and the share 8.00; refunded 49.99 + 6.25 + 3.75; fees 15.00 + 11.25 + 6.75
        // + 2.40 less the 15.00 + 1.88 + 1.13 refunds gave back
        assertThat(money(inCurrency(dashboard.path("earnings").path("total"), "USD")))
                .containsExactly(3, 3, 11799, 1998, 5999, 1739, 0, 4061);
        // the last 30 days hold only the bundle and its partial refund
        assertThat(money(inCurrency(dashboard.path("earnings").path("last30Days"), "USD")))
                .containsExactly(2, 2, 6000, 1998, 1000, 1499, 0, 3501);
        assertThat(dashboard.path("enrolledStudents").asLong()).as("S2, and S1 through the subscription").isEqualTo(2);
        assertThat(dashboard.path("activeCourses").asInt()).isEqualTo(2);
        assertThat(dashboard.path("averageRating").asDouble()).as("(4.5 * 2 + 4.0) / 3").isEqualTo(4.33);
        assertThat(dashboard.path("ratingCount").asLong()).isEqualTo(3);
        assertThat(dashboard.path("enrollments").asLong()).as("S1's refunded enrollment left out").isEqualTo(3);
        assertThat(dashboard.path("completedEnrollments").asLong()).isEqualTo(1);
        assertThat(dashboard.path("completionRate").asDouble()).isEqualTo(0.3333);
        assertThat(dashboard.path("engagement").path("days").values().stream().map(KnownFigures::activity).toList())
                .containsExactly(history.day(14) + " 1 2 0", history.day(13) + " 1 1 1", history.day(12) + " 1 1 0");
        JsonNode campaign = dashboard.path("campaigns").get(0);
        assertThat(campaign.path("campaignId").asString()).isEqualTo(history.campaign.toString());
        assertThat(campaign.path("status").asString()).isEqualTo("RUNNING");
        assertThat(campaign.path("enrollments").asLong()).isEqualTo(3);
        assertThat(campaign.path("enrollmentsBefore").asLong()).isZero();
        assertThat(campaign.path("sales").get(0).path("count").asLong()).isEqualTo(2);
        assertThat(campaign.path("sales").get(0).path("amount").asLong()).isEqualTo(6000);
        assertThat(campaign.path("redemptions").get(0).path("count").asLong()).isEqualTo(1);
        assertThat(campaign.path("redemptions").get(0).path("amount").asLong()).isEqualTo(500);
    }

    public void assertCoursesOfA(JsonNode courses) {
        assertThat(courses.path("totalItems").asLong()).isEqualTo(2);
        JsonNode java = courses.path("items").get(0);
        assertThat(java.path("title").asString()).isEqualTo("Java");
        assertThat(java.path("enrollments").asLong()).isEqualTo(1);
        assertThat(java.path("completed").asLong()).isEqualTo(1);
        assertThat(java.path("revokedEnrollments").asLong()).isEqualTo(1);
        assertThat(java.path("ratingAverage").asDouble()).isEqualTo(4.5);
        assertThat(money(inCurrency(java.path("revenue"), "USD")))
                .containsExactly(2, 2, 8749, 1249, 5624, 937, 0, 2188);
        JsonNode sql = courses.path("items").get(1);
        assertThat(sql.path("title").asString()).isEqualTo("SQL");
        assertThat(sql.path("enrollments").asLong()).isEqualTo(2);
        assertThat(money(inCurrency(sql.path("revenue"), "USD"))).containsExactly(1, 1, 3050, 749, 375, 802, 0, 1873);
    }

    public void assertDashboardOfB(JsonNode dashboard) {
        // the sale, the commission, the lost dispute and the commission's reversal leave nothing
        assertThat(money(inCurrency(dashboard.path("earnings").path("total"), "USD")))
                .containsExactly(1, 1, 1999, 0, 1999, 0, 0, 0);
        assertThat(dashboard.path("enrolledStudents").asLong()).isZero();
    }

    /** Days 20 to 10 ago, per day: the bundle on day 15, its partial refund on day 13. */
    public void assertDailySalesOfA(JsonNode report) {
        assertThat(report.path("rows").size()).as("11 days x 3 streams x USD").isEqualTo(33);
        Map<String, long[]> nonZero = report.path("rows").values().stream()
                .filter(row -> row.path("orders").asLong() != 0 || row.path("refunds").asLong() != 0)
                .collect(Collectors.toMap(row -> row.path("periodStart").asString() + " " + row.path("stream").asString(),
                        Figures::money));
        assertThat(nonZero).containsOnlyKeys(history.day(15) + " BUNDLE", history.day(13) + " BUNDLE");
        assertThat(nonZero.get(history.day(15) + " BUNDLE")).containsExactly(2, 0, 6000, 1998, 0, 1800, 0, 4200);
        assertThat(nonZero.get(history.day(13) + " BUNDLE")).containsExactly(0, 2, 0, 0, 1000, -301, 0, -699);
        assertThat(money(inCurrency(report.path("totals"), "USD"))).containsExactly(2, 2, 6000, 1998, 1000, 1499, 0, 3501);
    }

    /** Every transaction of the last 60 days, newest first. */
    public void assertTransactionsOfA(JsonNode page) {
        assertThat(page.path("totalItems").asLong()).isEqualTo(6);
        List<String> rows = page.path("items").values().stream().map(row -> row.path("kind").asString() + " "
                + row.path("stream").asString() + " " + row.path("courseTitle").asString() + " "
                + row.path("gross").asLong() + " " + row.path("platformFee").asLong() + " " + row.path("net").asLong())
                .toList();
        assertThat(rows.subList(0, 2)).containsExactlyInAnyOrder("REFUND BUNDLE Java -625 -188 -437",
                "REFUND BUNDLE SQL -375 -113 -262");
        assertThat(rows.subList(2, 4)).containsExactlyInAnyOrder("SALE BUNDLE Java 3750 1125 2625",
                "SALE BUNDLE SQL 2250 675 1575");
        // the refund of O1 came without lines: split by payment's rule, the whole line back
        assertThat(rows.subList(4, 6)).containsExactly("REFUND SINGLE Java -4999 -1500 -3499",
                "SALE SINGLE Java 4999 1500 3499");
    }

    public void assertAdminFigures(JsonNode analytics) {
        JsonNode usd = inCurrency(analytics.path("revenue"), "USD");
        assertThat(List.of(usd.path("courseSales").asLong(), usd.path("discount").asLong(),
                usd.path("refunded").asLong(), usd.path("subscriptionRevenue").asLong(),
                usd.path("subscriptionShares").asLong(), usd.path("platformRevenue").asLong(),
                usd.path("instructorEarnings").asLong(), usd.path("affiliateCommission").asLong()))
                .containsExactly(12998L, 1998L, 7998L, 1999L, 0L, 3498L, 3501L, 0L);
        assertThat(analytics.path("ordersPaid").asLong()).isEqualTo(3);
        assertThat(analytics.path("refunds").path("count").asLong()).isEqualTo(2);
        assertThat(analytics.path("refunds").path("rate").asDouble()).isEqualTo(0.6667);
        assertThat(analytics.path("disputes").path("opened").asLong()).isEqualTo(1);
        assertThat(analytics.path("disputes").path("lost").asLong()).isEqualTo(1);
        assertThat(analytics.path("disputes").path("rate").asDouble()).isEqualTo(0.3333);
        JsonNode checkout = analytics.path("checkout");
        assertThat(List.of(checkout.path("started").asLong(), checkout.path("purchased").asLong(),
                checkout.path("failed").asLong(), checkout.path("open").asLong())).containsExactly(5L, 3L, 1L, 1L);
        assertThat(checkout.path("conversionRate").asDouble()).isEqualTo(0.6);
        assertThat(analytics.path("topCoursesByRevenue").values().stream()
                .map(c -> c.path("title").asString() + " " + c.path("revenue").asLong()).toList())
                .containsExactly("Java 3125", "SQL 1875", "Go 0");
        assertThat(analytics.path("topCoursesByRevenue").get(0).path("instructorName").asString())
                .isEqualTo("Ada Teacher");
        assertThat(analytics.path("topCoursesByEnrollments").values().stream()
                .map(c -> c.path("title").asString() + " " + c.path("enrollments").asLong()).toList())
                .containsExactlyInAnyOrder("Java 2", "SQL 2", "Go 1");
        assertThat(analytics.path("mostActiveLearners").values().stream()
                .map(l -> l.path("displayName").asString() + " " + l.path("lessonsCompleted").asLong() + " "
                        + l.path("quizAttempts").asLong()).toList())
                .containsExactly("Sue Two 3 1", "Sam One 1 0");
        assertThat(analytics.path("mostActiveInstructors").values().stream()
                .map(i -> i.path("displayName").asString() + " " + i.path("courseChanges").asLong() + " "
                        + i.path("reviewReplies").asLong()).toList())
                .containsExactly("Ada Teacher 3 1", "Bob Teacher 1 0");
        JsonNode users = analytics.path("newUsers");
        assertThat(List.of(users.path("total").asLong(), users.path("learners").asLong(),
                users.path("instructors").asLong())).containsExactly(5L, 3L, 2L);
    }

    private static String activity(JsonNode day) {
        return day.path("period").asString() + " " + day.path("activeLearners").asLong() + " "
                + day.path("lessonsCompleted").asLong() + " " + day.path("quizAttempts").asLong();
    }

    /** The client for instructor A. */
    public ApiClient asA(ApiClient api) {
        return api.as(history.instructorA);
    }
}
