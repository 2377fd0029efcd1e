package io.skillwise.gateway;

import java.util.UUID;

import io.skillwise.gateway.support.GatewayTestBase;
import io.skillwise.testsupport.ApiResponse;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway does for review-service: prospective learners read reviews and ratings without an account, every
 * change needs a token, and the moderation queue and the rating rebuild are for admins only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "skillwise.gateway.rate-limit.user.capacity=100000",
        "skillwise.gateway.rate-limit.anonymous.capacity=100000"})
class ReviewRoutesIT extends GatewayTestBase {

    private final String course = UUID.randomUUID().toString();
    private final String review = UUID.randomUUID().toString();

    @Test
    void reviewsAndRatingsAreReadWithoutAToken() {
        for (String path : new String[] {"/api/v1/courses/" + course + "/reviews?sort=newest",
                "/api/v1/courses/" + course + "/ratings", "/api/v1/instructors/" + UUID.randomUUID() + "/ratings",
                "/api/v1/reviews/" + review}) {
            ApiResponse reply = client.get(path);
            assertThat(reply.status()).as(path).isEqualTo(200);
            assertThat(reply.body().get("service").asString()).as(path).isEqualTo("review");
        }
    }

    @Test
    void writingReportingAndPersonalPagesNeedAToken() {
        assertThat(client.post("/api/v1/courses/" + course + "/reviews", "{\"rating\":5}").status()).isEqualTo(401);
        assertThat(client.post("/api/v1/reviews/" + review + "/report", "{\"reason\":\"x\"}").status())
                .isEqualTo(401);
        assertThat(client.post("/api/v1/reviews/" + review + "/helpful", "{}").status()).isEqualTo(401);
        ApiResponse withToken = client.withToken(issuer.student()).post("/api/v1/courses/" + course + "/reviews",
                "{\"rating\":5}");
        assertThat(withToken.status()).isEqualTo(200);
        assertThat(withToken.body().get("service").asString()).isEqualTo("review");
        // GET under /courses/** passes the gateway; review-service itself asks for the token of "my" pages
        assertThat(client.get("/api/v1/courses/" + course + "/reviews/mine").body().get("service").asString())
                .isEqualTo("review");
    }

    @Test
    void moderationAndRebuildAreForAdmins() {
        String student = issuer.student();
        String instructor = issuer.forSubject(UUID.randomUUID().toString(), "student", "instructor");

        assertThat(client.withToken(student).get("/api/v1/admin/reports").status()).isEqualTo(403);
        assertThat(client.withToken(instructor).get("/api/v1/admin/reports").status()).isEqualTo(403);
        assertThat(client.withToken(instructor).post("/api/v1/admin/ratings/rebuild", "{}")
                .status()).isEqualTo(403);
        ApiResponse queue = client.withToken(issuer.admin()).get("/api/v1/admin/reports?kind=REVIEW");
        ApiResponse rebuild = client.withToken(issuer.admin()).post("/api/v1/admin/ratings/rebuild", "{}");
        ApiResponse decision = client.withToken(issuer.admin()).post("/api/v1/admin/reports/discussion-posts/"
                + UUID.randomUUID() + "/decisions",
                "{\"action\":\"REMOVE\",\"reason\":\"spam\"}");

        assertThat(queue.body().get("service").asString()).isEqualTo("review");
        assertThat(rebuild.body().get("service").asString()).isEqualTo("review");
        assertThat(decision.body().get("service").asString()).isEqualTo("review");
    }
}
