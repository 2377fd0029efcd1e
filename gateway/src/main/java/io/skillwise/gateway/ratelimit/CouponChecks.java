package io.skillwise.gateway.ratelimit;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Recognises requests that test a coupon code, the cheapest way to guess codes: creating a coupon or changing its
 * code (a 409 says the code exists), a {@code couponCode} query parameter, or a checkout or price preview whose JSON
 * body names one. Reading, pausing or deleting one's own coupons is by id and reveals no code, so instructors
 * managing their coupons are not held to the guessing limit.
 */
final class CouponChecks {

    private static final String COUPONS = "/api/v1/promotions/coupons";
    private static final String PARAMETER = "couponCode";
    /** {@code "couponCode": "<something>"}; {@code null} or an empty string checks nothing. */
    private static final Pattern IN_BODY = Pattern.compile("\"couponCode\"\\s*:\\s*\"[^\"]");

    private final List<String> bodyPaths;

    CouponChecks(List<String> bodyPaths) {
        this.bodyPaths = bodyPaths;
    }

    /** Known from the path and query alone. */
    boolean isCouponCheck(ServerHttpRequest request) {
        String path = request.getPath().value();
        boolean writesACode = (HttpMethod.POST.equals(request.getMethod()) && path.equals(COUPONS))
                || (HttpMethod.PATCH.equals(request.getMethod()) && path.startsWith(COUPONS + "/"));
        return writesACode || request.getQueryParams().containsKey(PARAMETER);
    }

    /** A request whose body has to be read to know. */
    boolean mayNameCouponInBody(ServerHttpRequest request) {
        return HttpMethod.POST.equals(request.getMethod()) && bodyPaths.contains(request.getPath().value());
    }

    static boolean bodyNamesCoupon(String body) {
        return IN_BODY.matcher(body).find();
    }
}
