package io.skillwise.gateway.ratelimit;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Recognises requests that test a coupon code, the cheapest way to guess codes: creating a coupon or changing its
 * code (a 409 says the code exists), a {@code couponCode} query parameter, or a checkout or price preview whose JSON
 * body names one. Reading, pausing or deleting one's own coupons is by id and reveals no code, so instructors
 * managing their coupons are not held to the guessing limit.
 * <p>
 * The body is read by a JSON parser as the service reads it, so every spelling the service understands counts
 * ({@code "coupon\\u0043ode"} is {@code couponCode}); the parser streams over the cached bytes and stops at the first
 * code it finds, building no tree. promotion-service limits failed look-ups itself as well (docs/promotions.md).
 */
final class CouponChecks {

    private static final String COUPONS = "/api/v1/promotions/coupons";
    private static final String PARAMETER = "couponCode";
    private static final JsonFactory JSON = new JsonFactory();

    private final List<String> bodyPaths;

    CouponChecks(List<String> bodyPaths) {
        this.bodyPaths = bodyPaths;
    }

    /** Known from the path and query alone. */
    boolean isCouponCheck(ServerHttpRequest request) {
        String path = request.getPath().value();
        boolean writesACode = (HttpMethod.POST.equals(request.getMethod()) && path.equals(COUPONS))
                || (HttpMethod.PATCH.equals(request.getMethod()) && path.startsWith(COUPONS + "/"));
        return writesACode || (mayNameCouponInQuery(request.getURI().getRawQuery())
                && request.getQueryParams().containsKey(PARAMETER));
    }

    /**
     * Whether the raw query could hold the parameter: it names it, or it has characters that decoding could turn into
     * its name (an escape such as {@code %63ouponCode}) or that the firewall checks in parameter names. Parsing the
     * query (a regular expression, decoding, and the firewall's check of every name) was 2.5% of the gateway's
     * CPU per request, and a request that carries no coupon code is nearly every request.
     */
    static boolean mayNameCouponInQuery(String rawQuery) {
        if (rawQuery == null) {
            return false;
        }
        if (rawQuery.contains(PARAMETER)) {
            return true;
        }
        for (int i = 0; i < rawQuery.length(); i++) {
            char c = rawQuery.charAt(i);
            if (c == '%' || c < 0x21 || c > 0x7e) {
                return true;
            }
        }
        return false;
    }

    /** A request whose body has to be read to know. */
    boolean mayNameCouponInBody(ServerHttpRequest request) {
        return HttpMethod.POST.equals(request.getMethod()) && bodyPaths.contains(request.getPath().value());
    }

    /**
     * Whether the JSON names a coupon code at any depth: a {@code couponCode} property with a non-empty string;
     * {@code null} or an empty string checks nothing. A body that is not JSON names nothing (the service refuses it
     * before looking a code up).
     */
    static boolean bodyNamesCoupon(byte[] body) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME && PARAMETER.equals(parser.currentName())
                        && parser.nextToken() == JsonToken.VALUE_STRING && !parser.getString().isEmpty()) {
                    return true;
                }
            }
            return false;
        } catch (JacksonException notJson) {
            return false;
        }
    }
}
