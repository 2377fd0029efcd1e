package io.skillwise.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code skillwise.gateway.rate-limit.*}. Each limit is a token bucket: {@code capacity} requests in a burst,
 * refilled at {@code capacity} per {@code period}.
 *
 * @param enabled switch rate limiting off entirely (benchmarks of the routing path)
 * @param user every request of a signed-in user, keyed by the token's subject
 * @param anonymous every request without a token, keyed by client IP
 * @param auth additionally, {@code /api/v1/auth/**} per client IP (login, registration, password reset)
 * @param coupon additionally, coupon checks per user and per client IP: {@code /api/v1/promotions/coupons/**},
 *        any request with a {@code couponCode} query parameter, and a {@code couponCode} in the JSON body of a
 *        POST to one of {@code couponBodyPaths}
 * @param couponBodyPaths POST endpoints whose body may carry a coupon code
 */
@ConfigurationProperties("skillwise.gateway.rate-limit")
public record RateLimitProperties(boolean enabled, Limit user, Limit anonymous, Limit auth, Limit coupon,
        List<String> couponBodyPaths) {

    public RateLimitProperties {
        Objects.requireNonNull(user, "skillwise.gateway.rate-limit.user is required");
        Objects.requireNonNull(anonymous, "skillwise.gateway.rate-limit.anonymous is required");
        Objects.requireNonNull(auth, "skillwise.gateway.rate-limit.auth is required");
        Objects.requireNonNull(coupon, "skillwise.gateway.rate-limit.coupon is required");
        couponBodyPaths = couponBodyPaths == null ? List.of() : List.copyOf(couponBodyPaths);
    }

    /** {@code capacity} requests per {@code period}, in bursts of up to {@code capacity}. */
    public record Limit(long capacity, Duration period) {

        public Limit {
            if (capacity < 1 || period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("A rate limit needs a capacity >= 1 and a positive period");
            }
        }

        double tokensPerMilli() {
            return (double) capacity / period.toMillis();
        }
    }
}
