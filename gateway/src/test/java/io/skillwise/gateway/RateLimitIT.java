package io.skillwise.gateway;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.skillwise.gateway.ratelimit.RateLimitProperties;
import io.skillwise.gateway.ratelimit.RedisTokenBuckets;
import io.skillwise.gateway.ratelimit.RedisTokenBuckets.Bucket;
import io.skillwise.gateway.support.GatewayTestBase;
import io.skillwise.testsupport.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Rate limits against the real Redis script, with small limits so they are reached in a few requests. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "skillwise.gateway.rate-limit.user.capacity=8",
        "skillwise.gateway.rate-limit.user.period=1m",
        "skillwise.gateway.rate-limit.anonymous.capacity=6",
        "skillwise.gateway.rate-limit.anonymous.period=1m",
        "skillwise.gateway.rate-limit.auth.capacity=3",
        "skillwise.gateway.rate-limit.auth.period=1m",
        "skillwise.gateway.rate-limit.coupon.capacity=2",
        "skillwise.gateway.rate-limit.coupon.period=1m"})
class RateLimitIT extends GatewayTestBase {

    @Autowired
    RedisTokenBuckets buckets;

    @BeforeEach
    void fullBuckets() {
        emptyRateLimitBuckets();
    }

    @Test
    void authRoutesAreLimitedPerIpWith429AndRetryAfter() {
        for (int i = 0; i < 3; i++) {
            assertThat(client.post("/api/v1/auth/login", "{}").status()).isEqualTo(200);
        }

        ApiResponse refused = client.post("/api/v1/auth/login", "{}");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(refused.body().get("status").asInt()).isEqualTo(429);
        assertThat(refused.body().get("type").asString()).isEqualTo("https://skillwise.io/problems/rate-limited");
        assertThat(refused.body().get("requestId").asString()).isEqualTo(refused.header("X-Request-Id"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        // Capacity 3 per minute: one token comes back every 20 s.
        assertThat(retryAfter).isBetween(1L, 20L);
        // Other routes still have their own allowance.
        assertThat(client.get("/api/v1/courses").status()).isEqualTo(200);
    }

    @Test
    void anonymousCallersAreLimitedPerIpAndUsersPerSubject() {
        for (int i = 0; i < 6; i++) {
            assertThat(client.get("/api/v1/courses").status()).isEqualTo(200);
        }
        assertThat(client.get("/api/v1/courses").status()).isEqualTo(429);

        // Same IP, but a signed-in user is counted by subject, not by address.
        String alice = issuer.forSubject("alice-" + UUID.randomUUID(), "student");
        for (int i = 0; i < 8; i++) {
            assertThat(client.withToken(alice).get("/api/v1/courses").status()).isEqualTo(200);
        }
        assertThat(client.withToken(alice).get("/api/v1/courses").status()).isEqualTo(429);
        assertThat(client.withToken(issuer.forSubject("bob-" + UUID.randomUUID(), "student")).get("/api/v1/courses")
                .status()).isEqualTo(200);
    }

    @Test
    void couponChecksHaveTheirOwnStricterLimit() {
        String token = issuer.student();

        assertThat(client.withToken(token).post("/api/v1/promotions/quote",
                "{\"courseId\":\"c1\",\"couponCode\":\"SPRING-10\"}").status()).isEqualTo(200);
        assertThat(client.withToken(token).get("/api/v1/courses?couponCode=SPRING-20").status()).isEqualTo(200);
        ApiResponse third = client.withToken(token).post("/api/v1/payments/create",
                "{\"courseId\":\"c1\",\"couponCode\":\"SPRING-30\"}");

        assertThat(third.status()).isEqualTo(429);
        assertThat(third.header("Retry-After")).isNotBlank();
        // A checkout without a coupon is not a coupon check, and its body still reaches the service intact.
        ApiResponse plain = client.withToken(token).post("/api/v1/payments/create",
                "{\"courseId\":\"c1\",\"couponCode\":null}");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.body().get("bodySize").asInt())
                .isEqualTo("{\"courseId\":\"c1\",\"couponCode\":null}".length());
    }

    @Test
    void leasedTokensNeverLetACallerPastTheLimit() {
        // 200 per minute: the gateway takes 20 tokens at a time and spends them locally.
        Bucket bucket = new Bucket("test:" + UUID.randomUUID(), new RateLimitProperties.Limit(200, Duration.ofMinutes(1)));

        for (int i = 0; i < 200; i++) {
            assertThat(buckets.take(List.of(bucket)).block().allowed()).as("request %d", i + 1).isTrue();
        }
        RedisTokenBuckets.Decision refused = buckets.take(List.of(bucket)).block();

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void rejectedRequestsDoNotUseUpOtherBuckets() {
        for (int i = 0; i < 3; i++) {
            client.post("/api/v1/auth/login", "{}");
        }
        for (int i = 0; i < 5; i++) {
            assertThat(client.post("/api/v1/auth/login", "{}").status()).isEqualTo(429);
        }
        // 3 of the 6 anonymous tokens were taken by the allowed logins; the refused ones took none.
        for (int i = 0; i < 3; i++) {
            assertThat(client.get("/api/v1/courses").status()).isEqualTo(200);
        }
        assertThat(client.get("/api/v1/courses").status()).isEqualTo(429);
    }
}
