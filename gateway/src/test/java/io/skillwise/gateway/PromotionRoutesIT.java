package io.skillwise.gateway;

import java.util.ArrayList;
import java.util.List;
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
 * What the gateway does for promotion-service (ADR 0006): the internal quote is never routed, even with a
 * service token; the buyer's quote preview counts as a coupon check when it carries a code; affiliate links open
 * without an account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "skillwise.gateway.rate-limit.user.capacity=100000",
        "skillwise.gateway.rate-limit.anonymous.capacity=100000",
        "skillwise.gateway.rate-limit.coupon.capacity=2",
        "skillwise.gateway.rate-limit.coupon.period=1m"})
class PromotionRoutesIT extends GatewayTestBase {

    @BeforeEach
    void fullBuckets() {
        emptyRateLimitBuckets();
    }

    @Test
    void internalQuoteIsUnreachableThroughTheGateway() {
        String service = issuer.service("payment-service");
        String body = "{\"buyerId\":\"" + UUID.randomUUID() + "\",\"courseId\":\"" + UUID.randomUUID() + "\"}";

        ApiResponse withServiceToken = client.withToken(service).post("/internal/promotions/quote", body);
        ApiResponse withUserToken = client.withToken(issuer.student()).post("/internal/promotions/quote", body);
        ApiResponse anonymous = client.post("/internal/promotions/quote", body);

        // the gateway takes no service token at all, and has no route to /internal for anyone
        assertThat(withServiceToken.status()).isEqualTo(403);
        assertThat(withUserToken.status()).isEqualTo(404);
        // without a token the gateway answers before it even looks for a route
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(withServiceToken.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(withUserToken.header("Content-Type")).isEqualTo("application/problem+json");
        // a path that a service would normalise to /internal is refused before routing
        assertThat(client.statusOfRawRequestLine("POST", "/api/v1/promotions/../../../internal/promotions/quote"))
                .isEqualTo(400);
        assertThat(promotion().received()).noneMatch(request -> request.path().startsWith("/internal"));
    }

    @Test
    void quotePreviewWithACouponCodeIsACouponCheck() {
        String token = issuer.forSubject(UUID.randomUUID().toString(), "student");
        String withCode = "{\"courseId\":\"" + UUID.randomUUID() + "\",\"couponCode\":\"GUESS-1\"}";

        assertThat(client.withToken(token).post("/api/v1/promotions/quote", withCode).status())
                .isEqualTo(200);
        assertThat(client.withToken(token).post("/api/v1/promotions/quote", withCode).status())
                .isEqualTo(200);
        ApiResponse third = client.withToken(token).post("/api/v1/promotions/quote", withCode);

        assertThat(third.status()).isEqualTo(429);
        assertThat(third.header("Retry-After")).isNotBlank();
        // a preview without a code is an ordinary call
        ApiResponse plain = client.withToken(token).post("/api/v1/promotions/quote",
                "{\"courseId\":\"" + UUID.randomUUID() + "\"}");
        assertThat(plain.status()).isEqualTo(200);
    }

    @Test
    void aCouponCodeSpelledWithJsonEscapesIsACouponCheckToo() {
        String token = issuer.forSubject(UUID.randomUUID().toString(), "student");
        List<Integer> statuses = new ArrayList<>();
        for (int guess = 1; guess <= 14; guess++) {
            String escaped = "{\"courseId\":\"" + UUID.randomUUID() + "\",\"coupon\\u0043ode\":\"GUESS" + guess + "\"}";
            ApiResponse reply = client.withToken(token).post("/api/v1/promotions/quote", escaped);
            statuses.add(reply.status());
            if (reply.status() == 429) {
                assertThat(reply.header("Retry-After")).isNotBlank();
            }
        }

        // the limit here is 2 a minute: two guesses reach promotion-service, the other twelve are refused
        assertThat(statuses.subList(0, 2)).containsOnly(200);
        assertThat(statuses.subList(2, 14)).containsOnly(429);
    }

    @Test
    void affiliateLinksOpenWithoutAToken() {
        ApiResponse link = client.get("/api/v1/affiliates/links/ABCDEF2345");
        ApiResponse programs = client.get("/api/v1/affiliates/programs");

        assertThat(link.status()).isEqualTo(200);
        assertThat(link.body().get("service").asString()).isEqualTo("promotion");
        assertThat(programs.status()).isEqualTo(401);
    }

    private static StubService promotion() {
        return GatewayTestInfrastructure.get().service("promotion");
    }
}
