package io.skillwise.gateway.ratelimit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class CouponChecksTest {

    private final CouponChecks checks = new CouponChecks(List.of("/api/v1/payments/create"));

    @ParameterizedTest
    @ValueSource(strings = {"{\"couponCode\":\"X\"}", "{ \"courseId\": \"c\", \"couponCode\" :  \"SPRING\" }",
            // every spelling of the key a JSON parser reads as couponCode, as the service's does
            "{\"coupon\\u0043ode\":\"GUESS1\"}", "{\"\\u0063oupon\\u0043ode\":\"GUESS1\"}",
            "{\"courseId\":\"c\",\"couponCode\":\"\\u0047UESS\"}", "{\"order\":{\"couponCode\":\"X\"}}",
            "{\"couponCode\":\"X\""})
    void aBodyNamingACouponIsACouponCheck(String body) {
        assertThat(CouponChecks.bodyNamesCoupon(bytes(body))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"courseId\":\"c\"}", "{\"couponCode\":null}", "{\"couponCode\":\"\"}", "",
            "{\"couponCodes\":\"X\"}", "{\"note\":\"\\\"couponCode\\\":\\\"X\\\"\"}", "not json", "[1,2"})
    void aBodyWithoutACouponIsNot(String body) {
        assertThat(CouponChecks.bodyNamesCoupon(bytes(body))).isFalse();
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writingACouponCodeAndTheQueryParameterAreCouponChecks() {
        assertThat(checks.isCouponCheck(MockServerHttpRequest.post("/api/v1/promotions/coupons").build())).isTrue();
        assertThat(checks.isCouponCheck(MockServerHttpRequest.patch("/api/v1/promotions/coupons/c1").build())).isTrue();
        assertThat(checks.isCouponCheck(MockServerHttpRequest.get("/api/v1/courses?couponCode=X").build())).isTrue();
        assertThat(checks.isCouponCheck(MockServerHttpRequest.post("/api/v1/promotions/couponsX").build())).isFalse();
        assertThat(checks.isCouponCheck(MockServerHttpRequest.get("/api/v1/courses").build())).isFalse();
    }

    @Test
    void aCouponCodeAnywhereInTheQueryIsACouponCheckHoweverItIsWritten() {
        assertThat(checks.isCouponCheck(MockServerHttpRequest.get("/api/v1/courses?page=0&couponCode=X").build()))
                .isTrue();
        assertThat(checks.isCouponCheck(get("/api/v1/courses?%63ouponCode=X"))).isTrue();
        assertThat(checks.isCouponCheck(get("/api/v1/courses?coupon%43ode=X"))).isTrue();
        assertThat(checks.isCouponCheck(MockServerHttpRequest.get("/api/v1/courses?page=0&size=20&sort=newest")
                .build())).isFalse();
        assertThat(checks.isCouponCheck(get("/api/v1/courses?search=%63oupon")))
                .isFalse();
        assertThat(checks.isCouponCheck(MockServerHttpRequest.get("/api/v1/courses?couponCodes=X").build())).isFalse();
    }

    /** The URI as the client wrote it, escapes included (a URI template would escape the escapes). */
    private static MockServerHttpRequest get(String uri) {
        return MockServerHttpRequest.method(HttpMethod.GET, URI.create(uri)).build();
    }

    @Test
    void onlyAQueryThatNamesTheParameterOrIsEscapedIsParsed() {
        assertThat(CouponChecks.mayNameCouponInQuery(null)).isFalse();
        assertThat(CouponChecks.mayNameCouponInQuery("page=0&size=20&sort=newest")).isFalse();
        assertThat(CouponChecks.mayNameCouponInQuery("couponCode=X")).isTrue();
        assertThat(CouponChecks.mayNameCouponInQuery("%63ouponCode=X")).isTrue();
        assertThat(CouponChecks.mayNameCouponInQuery("search=caf\u00e9")).isTrue();
    }

    @Test
    void managingOnesOwnCouponsByIdIsNot() {
        assertThat(checks.isCouponCheck(MockServerHttpRequest.get("/api/v1/promotions/coupons").build())).isFalse();
        assertThat(checks.isCouponCheck(MockServerHttpRequest.get("/api/v1/promotions/coupons/c1").build())).isFalse();
        assertThat(checks.isCouponCheck(MockServerHttpRequest.post("/api/v1/promotions/coupons/c1/pause").build()))
                .isFalse();
        assertThat(checks.isCouponCheck(MockServerHttpRequest.delete("/api/v1/promotions/coupons/c1").build()))
                .isFalse();
    }

    @Test
    void onlyPostsToTheConfiguredPathsAreReadForACoupon() {
        assertThat(checks.mayNameCouponInBody(MockServerHttpRequest.post("/api/v1/payments/create").build())).isTrue();
        assertThat(checks.mayNameCouponInBody(MockServerHttpRequest.get("/api/v1/payments/create").build())).isFalse();
        assertThat(checks.mayNameCouponInBody(MockServerHttpRequest.post("/api/v1/payments/webhook").build())).isFalse();
    }
}
