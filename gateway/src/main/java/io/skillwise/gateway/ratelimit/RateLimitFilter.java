package io.skillwise.gateway.ratelimit;

import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.skillwise.gateway.web.GatewayProblemException;
import io.skillwise.gateway.ratelimit.RedisTokenBuckets.Bucket;
import io.skillwise.gateway.web.ClientAddress;
import io.skillwise.gateway.web.ConnectionEventLoop;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Limits request rates on every routed request, after authentication (so a user is counted by the token's
 * subject wherever they connect from) and before the circuit breaker (a refused request is not a failure of
 * the service). Signed-in users are limited per subject, anonymous callers per client IP; on top of that,
 * {@code /api/v1/auth/**} per IP and coupon checks per user and per IP. Over a limit: 429 with
 * {@code Retry-After}.
 * <p>
 * The client IP is the connection's peer address. Behind a load balancer, set
 * {@code server.forward-headers-strategy=native} so it comes from {@code X-Forwarded-For}; never do so when
 * clients can reach the gateway directly, or they choose their own IP.
 */
@Component
public class RateLimitFilter implements GlobalFilter, Ordered {

    /** Before the routing filters and the circuit breaker (route filters start at 0). */
    static final int ORDER = -50;

    private static final String AUTH_PATHS = "/api/v1/auth/";

    private final RateLimitProperties limits;
    private final RedisTokenBuckets buckets;
    private final CouponChecks couponChecks;

    public RateLimitFilter(RateLimitProperties limits, RedisTokenBuckets buckets) {
        this.limits = limits;
        this.buckets = buckets;
        this.couponChecks = new CouponChecks(limits.couponBodyPaths());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!limits.enabled()) {
            return chain.filter(exchange);
        }
        ServerHttpRequest request = exchange.getRequest();
        if (couponChecks.mayNameCouponInBody(request) && !couponChecks.isCouponCheck(request)) {
            // The body has to be read to know; it is kept in memory (within the request size limit) and replayed.
            return ServerWebExchangeUtils.cacheRequestBody(exchange, cached -> {
                ServerWebExchange replaying = exchange.mutate().request(cached).build();
                DataBuffer body = replaying.getAttribute(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR);
                return limit(replaying, chain, body != null && CouponChecks.bodyNamesCoupon(copyOf(body)));
            });
        }
        return limit(exchange, chain, couponChecks.isCouponCheck(request));
    }

    /** The bytes, copied without moving the buffer's read position: the same buffer is replayed downstream. */
    private static byte[] copyOf(DataBuffer body) {
        byte[] bytes = new byte[body.readableByteCount()];
        body.toByteBuffer(body.readPosition(), ByteBuffer.wrap(bytes), 0, bytes.length);
        return bytes;
    }

    private Mono<Void> limit(ServerWebExchange exchange, GatewayFilterChain chain, boolean couponCheck) {
        return exchange.getPrincipal()
                .map(RateLimitFilter::subjectOf)
                .defaultIfEmpty("")
                .flatMap(subject -> limit(exchange, chain, bucketsFor(exchange.getRequest(), subject, couponCheck)));
    }

    private Mono<Void> limit(ServerWebExchange exchange, GatewayFilterChain chain, List<Bucket> counted) {
        if (buckets.takeLeased(counted)) {
            // Most requests of a busy caller: decided on this thread, nothing to wait for.
            return chain.filter(exchange);
        }
        return buckets.take(counted)
                .publishOn(ConnectionEventLoop.of(exchange))
                .flatMap(decision -> decision.allowed() ? chain.filter(exchange) : Mono.error(tooMany(decision)));
    }

    List<Bucket> bucketsFor(ServerHttpRequest request, String subject, boolean couponCheck) {
        String ip = ClientAddress.of(request);
        List<Bucket> result = new ArrayList<>(3);
        boolean signedIn = !subject.isEmpty();
        result.add(signedIn ? new Bucket("user:" + subject, limits.user()) : new Bucket("ip:" + ip, limits.anonymous()));
        if (request.getPath().value().startsWith(AUTH_PATHS)) {
            result.add(new Bucket("auth:ip:" + ip, limits.auth()));
        }
        if (couponCheck) {
            result.add(new Bucket("coupon:ip:" + ip, limits.coupon()));
            if (signedIn) {
                result.add(new Bucket("coupon:user:" + subject, limits.coupon()));
            }
        }
        return result;
    }

    private static String subjectOf(Principal principal) {
        // Anonymous callers carry an AnonymousAuthenticationToken, which has no subject of its own.
        return principal instanceof JwtAuthenticationToken token ? token.getToken().getSubject() : "";
    }

    private static GatewayProblemException tooMany(RedisTokenBuckets.Decision decision) {
        long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
        return new GatewayProblemException(HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests; retry in " + seconds + " s", Map.of("Retry-After", Long.toString(seconds)));
    }
}
