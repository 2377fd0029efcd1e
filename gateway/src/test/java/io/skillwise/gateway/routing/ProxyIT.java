package io.skillwise.gateway.routing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.skillwise.gateway.support.GatewayTestBase;
import io.skillwise.testsupport.ApiResponse;
import org.junit.jupiter.api.Test;
import reactor.core.Fuseable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.core.env.Environment;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy's own parts. The route lookup: the same route as Spring Cloud Gateway's, found without Reactor operators.
 * The headers that cross the gateway, as the service receives them (the stub echoes what arrived) and as the caller
 * receives the service's answer: hop-by-hop headers stop at the gateway both ways, a caller cannot pose as a proxy
 * with {@code X-Forwarded-*} or {@code Forwarded}, and everything else passes. The request is written on a socket,
 * since HTTP clients refuse to send {@code Connection}, {@code Upgrade} and the like as given.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "skillwise.gateway.rate-limit.anonymous.capacity=100000"})
class ProxyIT extends GatewayTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private FixedRoutesHandlerMapping mapping;

    @Autowired
    private FilteringWebHandler webHandler;

    @Autowired
    private RouteLocator routeLocator;

    @Autowired
    private Environment environment;

    @Autowired
    private List<HttpHeadersFilter> headersFilters;

    @Test
    void theHeadersCrossTheProxyThroughOneFilterEachWayInsteadOfSpringCloudGatewaysDefaults() {
        assertThat(headersFilters).extracting(filter -> filter.getClass().getSimpleName())
                .doesNotContain("RemoveHopByHopHeadersFilter", "RemoveXForwardedHeadersFilter",
                        "RemoveForwardedHeadersFilter", "TransferEncodingNormalizationHeadersFilter")
                .containsSubsequence("ProxyHeadersFilter", "TraceContextHeadersFilter", "RequestIdHeadersFilter");
    }

    @Test
    void theRouteLookupFindsWhatSpringCloudGatewaysFindsWithoutReactorOperators() {
        var reactive = new RoutePredicateHandlerMapping(webHandler, routeLocator, new GlobalCorsProperties(),
                environment) {
            Mono<Route> lookup(MockServerWebExchange exchange) {
                return lookupRoute(exchange);
            }
        };
        assertThat(mapping.hasRoutes()).isTrue();
        for (String path : List.of("/api/v1/courses", "/api/v1/courses/abc", "/api/v1/courses/abc/enroll",
                "/api/v1/courses/abc/reviews", "/api/v1/courses/abc/modules", "/api/v1/instructors/courses",
                "/api/v1/instructors/abc/profile", "/api/v1/instructors/abc/ratings", "/api/v1/profile/avatar",
                "/api/v1/profile", "/api/v1/lessons/abc/assets", "/api/v1/promotions/quote", "/v3/api-docs/review",
                "/api/v1/nothing-here", "/internal/catalog/courses", "/actuator/health")) {
            Mono<Route> direct = mapping.lookupRoute(MockServerWebExchange.from(MockServerHttpRequest.get(path)));
            Route expected = reactive.lookup(MockServerWebExchange.from(MockServerHttpRequest.get(path))).block();

            assertThat(direct).as(path).isInstanceOf(Fuseable.ScalarCallable.class);
            Route found = direct.block();
            assertThat(found == null ? null : found.getId()).as(path)
                    .isEqualTo(expected == null ? null : expected.getId());
        }
    }

    @Test
    void theServiceReceivesTheCallersHeadersWithoutHopByHopOrForwardedOnes() {
        JsonNode received = echoOfRawRequest("GET /api/v1/courses?size=20 HTTP/1.1\r\n"
                + "Host: courses.example:8443\r\n"
                + "Connection: close, X-Secret-Hop\r\n"
                + "X-Secret-Hop: for the gateway only\r\n"
                + "Keep-Alive: timeout=5\r\n"
                + "TE: trailers\r\n"
                + "Trailer: X-Checksum\r\n"
                + "Upgrade: example/1\r\n"
                + "Proxy-Authorization: Basic bWFsbG9yeTpzZWNyZXQ=\r\n"
                + "X-Application-Context: caller\r\n"
                + "X-Forwarded-For: 203.0.113.9\r\n"
                + "X-Forwarded-Host: evil.example\r\n"
                + "x-forwarded-proto: https\r\n"
                + "Forwarded: for=203.0.113.9;host=evil.example\r\n"
                + "Accept: application/json\r\n"
                + "Accept-Language: de\r\n"
                + "X-Custom-Thing: kept\r\n"
                + "\r\n");

        JsonNode headers = received.get("headers");
        assertThat(received.get("service").asString()).isEqualTo("catalog");
        assertThat(headers.get("accept").asString()).isEqualTo("application/json");
        assertThat(headers.get("accept-language").asString()).isEqualTo("de");
        assertThat(headers.get("x-custom-thing").asString()).isEqualTo("kept");
        assertThat(headers.get("host").asString()).as("preserved").isEqualTo("courses.example:8443");
        assertThat(headers.get("x-skillwise-client-address").asString()).isEqualTo("127.0.0.1");
        assertThat(headers.get("x-request-id").asString()).isNotBlank();
        assertThat(headers.get("traceparent").asString()).startsWith("00-");
        assertThat(headers.propertyNames()).as("hop-by-hop, named by Connection, and forwarded headers")
                .doesNotContain("x-secret-hop", "keep-alive", "te", "trailer", "upgrade", "proxy-authorization",
                        "x-application-context", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto",
                        "forwarded");
        // the connection to the service is the gateway's own: the caller's "close" does not travel
        assertThat(headers.path("connection").asString("").toLowerCase(Locale.ROOT)).doesNotContain("x-secret-hop")
                .doesNotContain("close");
    }

    @Test
    void theCallerReceivesTheServicesHeadersWithoutHopByHopOnesOrTheGatewaysOwn() {
        ApiResponse reply = client.get("/api/v1/courses");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Stub-Kept")).isEqualTo("for the caller");
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        for (String hopByHop : new String[] {"X-Stub-Hop", "Proxy-Authenticate", "X-Application-Context"}) {
            assertThat(reply.header(hopByHop)).as(hopByHop).isNull();
        }
        assertThat(reply.headers().allValues("X-Request-Id")).as("the gateway's, not the stub's")
                .hasSize(1).noneMatch(id -> id.startsWith("set-by-"));
        assertThat(reply.header("Access-Control-Allow-Origin")).as("no CORS for a request without Origin").isNull();
    }

    private JsonNode echoOfRawRequest(String request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // "Connection: close": the gateway closes once it has answered
            byte[] answer = socket.getInputStream().readAllBytes();
            return JSON.readTree(bodyOf(answer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of an HTTP/1.1 answer of status 200, sent with a length or in chunks. */
    private static byte[] bodyOf(byte[] answer) throws IOException {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        assertThat(head).startsWith("http/1.1 200");
        byte[] rest = Arrays.copyOfRange(answer, end + 4, answer.length);
        if (!head.contains("\r\ntransfer-encoding: chunked")) {
            return rest;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        InputStream chunks = new ByteArrayInputStream(rest);
        while (true) {
            int size = Integer.parseInt(line(chunks).split(";", 2)[0].trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunks.readNBytes(size));
            line(chunks);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
