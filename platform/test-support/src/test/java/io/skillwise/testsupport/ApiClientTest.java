package io.skillwise.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against a server that echoes what it received, or answers a problem under {@code /problem/<status>}. */
class ApiClientTest {

    private static HttpServer server;
    private static int port;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ApiClientTest::answer);
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void callsAsAUserWithTheirSignedTokenAndSendsTheBodyAsJson() {
        TestUser student = TestUser.student();
        ApiResponse echo = ApiClient.api(port).as(student).post("/courses", Map.of("title", "Java"));

        echo.assertStatus(200);
        assertThat(echo.text("method")).isEqualTo("POST");
        assertThat(echo.text("path")).isEqualTo("/api/v1/courses");
        assertThat(echo.text("contentType")).isEqualTo("application/json");
        assertThat(ApiClient.JSON.readTree(echo.text("body")).path("title").asString()).isEqualTo("Java");
        String token = echo.text("authorization").substring("Bearer ".length());
        JsonNode claims = ApiClient.JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.path("sub").asString()).isEqualTo(student.id().toString());
    }

    @Test
    void aClientIsNotChangedByTheClientsDerivedFromIt() {
        ApiClient anonymous = ApiClient.root(port);
        ApiClient withHeaders = anonymous.withToken("abc").withHeader("Idempotency-Key", "k1");

        assertThat(withHeaders.get("/x").text("authorization")).isEqualTo("Bearer abc");
        assertThat(withHeaders.get("/x").text("idempotencyKey")).isEqualTo("k1");
        assertThat(withHeaders.anonymous().get("/x").text("authorization")).isNull();
        assertThat(anonymous.get("/x").text("authorization")).isNull();
        assertThat(anonymous.get("/x").text("body")).isEmpty();
    }

    @Test
    void uploadsOneFilePartAndReadsRawBytes() {
        byte[] content = {1, 2, 3};
        ApiResponse echo = ApiClient.root(port).upload("/avatar", "me.png", "image/png", content);

        assertThat(echo.text("method")).isEqualTo("PUT");
        assertThat(echo.text("contentType")).startsWith("multipart/form-data; boundary=");
        assertThat(echo.text("body")).contains("name=\"file\"; filename=\"me.png\"").contains("Content-Type: image/png");
    }

    @Test
    void aProblemIsRecognisedAndItsFieldErrorsRead() {
        ApiResponse problem = ApiClient.root(port).get("/problem/400");

        problem.assertProblem(400);
        assertThat(problem.fieldErrors()).containsExactly("email", "password");
        assertThatThrownBy(() -> problem.assertProblem(409)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected status 409").hasMessageContaining("/problem/400");
        assertThatThrownBy(() -> ApiClient.root(port).get("/x").assertProblem(200))
                .hasMessageContaining("application/problem+json");
    }

    @Test
    void aRawRequestLineReachesTheServerUnnormalised() {
        assertThat(ApiClient.root(port).statusOfRawRequestLine("GET", "/a/../problem/418")).isEqualTo(418);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        byte[] answer;
        int status;
        if (path.contains("/problem/")) {
            status = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
            answer = ApiClient.JSON.writeValueAsBytes(Map.of("status", status, "title", "Bad Request",
                    "errors", java.util.List.of(Map.of("field", "email", "message", "is invalid"),
                            Map.of("field", "password", "message", "is too short"))));
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        } else {
            status = 200;
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("method", exchange.getRequestMethod());
            echo.put("path", path);
            echo.put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
            echo.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            echo.put("idempotencyKey", exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            echo.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer = ApiClient.JSON.writeValueAsBytes(echo);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }
}
