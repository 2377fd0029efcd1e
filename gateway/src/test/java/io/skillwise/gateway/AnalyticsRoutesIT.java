package io.skillwise.gateway;

import java.util.UUID;

import io.skillwise.gateway.support.GatewayTestBase;
import io.skillwise.gateway.support.GatewayTestInfrastructure;
import io.skillwise.gateway.support.StubService;
import io.skillwise.testsupport.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway does for analytics-service (docs/analytics.md): the instructor's reports reach analytics with
 * their query and the CSV {@code Accept} header unchanged, while neighbouring instructor paths stay with the
 * services that own them; without a token nothing reaches analytics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "skillwise.gateway.rate-limit.user.capacity=100000",
        "skillwise.gateway.rate-limit.anonymous.capacity=100000"})
class AnalyticsRoutesIT extends GatewayTestBase {

    @BeforeEach
    void fullBuckets() {
        emptyRateLimitBuckets();
    }

    @Test
    void salesReportReachesAnalyticsWithItsQueryAndCsvAccept() {
        String instructor = issuer.forSubject(UUID.randomUUID().toString(), "instructor");
        String query = "from=2026-01-01&to=2026-03-31&granularity=month&courseId=" + UUID.randomUUID();

        ApiResponse csv = client.withToken(instructor).withHeader("Accept", "text/csv")
                .get("/api/v1/instructors/reports/sales?" + query);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().get("service").asString()).isEqualTo("analytics");
        assertThat(csv.body().get("path").asString()).isEqualTo("/api/v1/instructors/reports/sales");
        assertThat(csv.body().get("query").asString()).isEqualTo(query);
        assertThat(csv.body().get("headers").get("accept").asString()).isEqualTo("text/csv");
    }

    @Test
    void everyAnalyticsAnswerIsServedByAnalytics() {
        String instructor = issuer.forSubject(UUID.randomUUID().toString(), "instructor");

        for (String path : new String[] {"/api/v1/instructors/dashboard", "/api/v1/instructors/courses?page=1&size=5",
                "/api/v1/instructors/reports/transactions?page=0&size=50"}) {
            ApiResponse reply = client.withToken(instructor).get(path);
            assertThat(reply.status()).as(path).isEqualTo(200);
            assertThat(reply.body().get("service").asString()).as(path).isEqualTo("analytics");
        }
        ApiResponse admin = client.withToken(issuer.admin()).get("/api/v1/admin/analytics?from=2026-01-01&to=2026-01-31");
        assertThat(admin.body().get("service").asString()).isEqualTo("analytics");
        // the neighbours: a course's students (enrollment) and the earnings ledger (payment)
        assertThat(client.withToken(instructor).get("/api/v1/instructors/courses/" + UUID.randomUUID() + "/students")
                .body().get("service").asString()).isEqualTo("enrollment");
        assertThat(client.withToken(instructor).get("/api/v1/instructors/earnings").body().get("service").asString())
                .isEqualTo("payment");
    }

    @Test
    void reportsWithoutATokenNeverReachAnalytics() {
        // a path of its own, so that what other tests sent to the shared stub cannot match
        String probe = "/api/v1/instructors/reports/" + UUID.randomUUID();

        ApiResponse anonymous = client.get(probe);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(analytics().received()).noneMatch(request -> request.path().equals(probe));
        // the same path with a token does reach it
        assertThat(client.withToken(issuer.admin()).get(probe).status()).isEqualTo(200);
        assertThat(analytics().received()).anyMatch(request -> request.path().equals(probe));
    }

    private static StubService analytics() {
        return GatewayTestInfrastructure.get().service("analytics");
    }
}
