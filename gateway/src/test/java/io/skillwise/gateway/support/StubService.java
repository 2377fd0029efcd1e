package io.skillwise.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A downstream service stand-in that answers every request with what it received: service name, method, raw
 * path, query, headers (lower-cased names) and body size. A path ending in {@code /slow} does not answer until
 * the stub is closed, to exercise time limits. A path ending in {@code /stream} answers as a server-sent event
 * stream: the echo as the first event, then a {@code tick} event every {@value #TICK_MILLIS} ms for
 * {@value #STREAM_SECONDS} s, then the end. Answers also carry a CORS header, a request id of their own and
 * hop-by-hop headers ({@code Connection} naming {@code X-Stub-Hop}, {@code Proxy-Authenticate},
 * {@code X-Application-Context}), which the gateway must not pass on, and {@code X-Stub-Kept}, which it must.
 * {@code GET /v3/api-docs} answers a small OpenAPI document of the stub's own (one path the gateway routes to this
 * service, one internal path, the kit's problem schema and a {@code View} schema of its own), the shape of what a
 * real service answers.
 */
public final class StubService implements AutoCloseable {

    /** What one request looked like when it arrived. */
    public record Received(String method, String path) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final long TICK_MILLIS = 400;
    static final long STREAM_SECONDS = 5;

    private final String name;
    private final HttpServer server;
    private final CountDownLatch released = new CountDownLatch(1);
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    public StubService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::echo);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request this stub has seen, in arrival order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    private void echo(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        received.add(new Received(exchange.getRequestMethod(), path));
        long bodySize;
        try (InputStream body = exchange.getRequestBody()) {
            bodySize = body.transferTo(OutputStream.nullOutputStream());
        }
        if (path.equals("/v3/api-docs")) {
            answer(exchange, JSON.writeValueAsBytes(openApiDocument()));
            return;
        }
        if (path.endsWith("/slow")) {
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Map<String, Object> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((header, values) ->
                headers.put(header.toLowerCase(Locale.ROOT), values.size() == 1 ? values.getFirst() : values));
        Map<String, Object> echo = new TreeMap<>();
        echo.put("service", name);
        echo.put("method", exchange.getRequestMethod());
        echo.put("path", path);
        echo.put("query", exchange.getRequestURI().getRawQuery());
        echo.put("headers", headers);
        echo.put("bodySize", bodySize);
        byte[] answer = JSON.writeValueAsBytes(echo);
        if (path.endsWith("/stream")) {
            stream(exchange, answer);
            return;
        }
        answer(exchange, answer);
    }

    private void answer(HttpExchange exchange, byte[] answer) {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        exchange.getResponseHeaders().set("X-Request-Id", "set-by-" + name);
        // hop-by-hop headers, which concern the connection to the gateway only
        exchange.getResponseHeaders().set("Connection", "X-Stub-Hop");
        exchange.getResponseHeaders().set("X-Stub-Hop", "for the gateway only");
        exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"stub\"");
        exchange.getResponseHeaders().set("X-Application-Context", name);
        exchange.getResponseHeaders().set("X-Stub-Kept", "for the caller");
        try {
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (IOException gatewayGaveUp) {
            // The gateway timed the request out and closed the connection; nothing left to answer.
        }
    }

    private void stream(HttpExchange exchange, byte[] echo) {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(200, 0);
            out.write(("event: echo\ndata: " + new String(echo, StandardCharsets.UTF_8) + "\n\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            for (long tick = 1; tick <= STREAM_SECONDS * 1000 / TICK_MILLIS; tick++) {
                if (released.await(TICK_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
                out.write(("id: " + tick + "\nevent: tick\ndata: " + tick + "\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException clientGone) {
            // the gateway (or its client) ended the stream
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A path of the public API the gateway routes to this stub's service. */
    public static String samplePath(String service) {
        return switch (service) {
            case "identity" -> "/api/v1/profile";
            case "catalog" -> "/api/v1/courses";
            case "enrollment" -> "/api/v1/enrollments";
            case "payment" -> "/api/v1/payments/history";
            case "review" -> "/api/v1/reviews/mine";
            case "promotion" -> "/api/v1/promotions/coupons";
            case "notification" -> "/api/v1/notifications";
            case "analytics" -> "/api/v1/admin/analytics/overview";
            default -> "/api/v1/" + service;
        };
    }

    private Map<String, Object> openApiDocument() {
        Map<String, Object> problemAnswer = Map.of("description", "`not-found`: no such thing",
                "content", Map.of("application/problem+json",
                        Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
        Map<String, Object> view = Map.of("description", "what " + name + " answers",
                "content", Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/View"))));
        Map<String, Object> operation = Map.of("operationId", "readThing", "summary", "Read a thing of " + name,
                "description", "Any signed-in user; changes nothing.", "tags", List.of(name + " things"),
                "responses", Map.of("200", view, "404", problemAnswer),
                "x-skillwise-access", Map.of("level", "authenticated"));
        Map<String, Object> internal = Map.of("operationId", "recordThing", "summary", "Record a thing",
                "description", "Other services only.", "tags", List.of(name + " things"),
                "responses", Map.of("404", problemAnswer), "x-skillwise-access", Map.of("level", "service"));
        return Map.of("openapi", "3.1.0",
                "info", Map.of("title", "SkillWise " + name, "version", "v1"),
                "tags", List.of(Map.of("name", name + " things")),
                "paths", Map.of(samplePath(name), Map.of("get", operation),
                        "/internal/" + name + "/things", Map.of("post", internal)),
                "components", Map.of("schemas", Map.of(
                        "Problem", Map.of("type", "object", "properties", Map.of("type", Map.of("type", "string"))),
                        "View", Map.of("type", "object", "description", "the view of " + name))));
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
