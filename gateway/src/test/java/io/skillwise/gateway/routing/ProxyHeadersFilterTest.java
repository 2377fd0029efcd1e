package io.skillwise.gateway.routing;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter.Type;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class ProxyHeadersFilterTest {

    private final ProxyHeadersFilter toService = new ProxyHeadersFilter(Type.REQUEST, true, true);
    private final ProxyHeadersFilter toCaller = new ProxyHeadersFilter(Type.RESPONSE, false, false);

    @Test
    void eachInstanceFiltersOneWayOnly() {
        assertThat(toService.supports(Type.REQUEST)).isTrue();
        assertThat(toService.supports(Type.RESPONSE)).isFalse();
        assertThat(toCaller.supports(Type.RESPONSE)).isTrue();
        assertThat(toCaller.supports(Type.REQUEST)).isFalse();
    }

    @Test
    void hopByHopHeadersInAnySpellingAndThoseConnectionNamesStayBehind() {
        HttpHeaders request = new HttpHeaders();
        request.add("connection", "Keep-Alive, x-Private");
        request.add("X-PRIVATE", "1");
        request.add("KEEP-ALIVE", "timeout=5");
        request.add("te", "trailers");
        request.add("Proxy-Authorization", "Basic x");
        request.add("Accept", "application/json");
        request.add("Authorization", "Bearer t");

        HttpHeaders sent = toService.toService(request);

        assertThat(sent.headerNames()).containsExactlyInAnyOrder("Accept", "Authorization");
        assertThat(sent.get("Authorization")).containsExactly("Bearer t");
    }

    @Test
    void aCallersForwardedHeadersAreDroppedUnlessTrustedProxiesWriteThem() {
        HttpHeaders request = new HttpHeaders();
        request.add("X-Forwarded-For", "203.0.113.9");
        request.add("x-forwarded-host", "evil.example");
        request.add("FORWARDED", "for=203.0.113.9");
        request.add("X-Forwardedness", "not a forwarded header");

        assertThat(toService.toService(request).headerNames()).containsExactly("X-Forwardedness");
        assertThat(new ProxyHeadersFilter(Type.REQUEST, false, false).toService(request).headerNames())
                .containsExactlyInAnyOrder("X-Forwarded-For", "x-forwarded-host", "FORWARDED", "X-Forwardedness");
    }

    @Test
    void aChunkedBodyGoesOnWithoutAContentLength() {
        HttpHeaders request = new HttpHeaders();
        request.add("Transfer-Encoding", " Chunked ");
        request.add("Content-Length", "12");
        request.add("Content-Type", "application/json");

        assertThat(toService.toService(request).headerNames()).containsExactly("Content-Type");

        HttpHeaders coded = new HttpHeaders();
        coded.add("Transfer-Encoding", "gzip, chunked");
        coded.add("Content-Length", "12");
        assertThat(toService.toService(coded).headerNames()).as("any transfer coding frames the body").isEmpty();

        HttpHeaders sized = new HttpHeaders();
        sized.add("Content-Length", "12");
        assertThat(toService.toService(sized).getContentLength()).isEqualTo(12);
    }

    @Test
    void aResponseWithNothingToDropIsPassedOnAsItIs() {
        HttpHeaders response = new HttpHeaders();
        response.add("Content-Type", "application/json");
        response.add("Cache-Control", "max-age=60");

        assertThat(toCaller.toCaller(response)).isSameAs(response);
    }

    @Test
    void aResponseLosesHopByHopCorsAndRequestIdHeaders() {
        HttpHeaders response = new HttpHeaders();
        response.add("Content-Type", "application/json");
        response.add("Connection", "X-Hop");
        response.add("x-hop", "1");
        response.add("Transfer-Encoding", "chunked");
        response.add("access-control-allow-origin", "*");
        response.add("X-Request-Id", "set-by-service");
        response.add("Vary", "Origin");

        HttpHeaders passed = toCaller.toCaller(response);

        assertThat(passed.headerNames()).containsExactlyInAnyOrder("Content-Type", "Vary");
        assertThat(passed).as("changed in place").isSameAs(response);
        assertThat(toCaller.toCaller(HttpHeaders.readOnlyHttpHeaders(withCors())).headerNames())
                .as("a read-only answer is copied").containsExactly("Content-Type");
    }

    private static HttpHeaders withCors() {
        HttpHeaders response = new HttpHeaders();
        response.add("Content-Type", "application/json");
        response.add("Access-Control-Allow-Origin", "*");
        return response;
    }
}
