package io.skillwise.payment.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** payment-service called over HTTP, as the apps, Stripe and a browser do. */
public final class PaymentApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public PaymentApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Response(int status, JsonNode body, String contentType, byte[] raw) {

        public String text(String field) {
            return body.path(field).asString();
        }

        public String html() {
            return new String(raw, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public Response get(String path, String bearer) {
        return send(request(path, bearer).GET());
    }

    public Response get(String path, String bearer, String accept) {
        return send(request(path, bearer).header("Accept", accept).GET());
    }

    public Response send(String method, String path, String bearer) {
        return send(request(path, bearer).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    public Response post(String path, Object body, String bearer, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String text ? text
                        : JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        return send(request);
    }

    /** A checkout as the app sends it. */
    public Response create(Object body, String bearer, String idempotencyKey) {
        return post("/api/v1/payments/create", body, bearer,
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
    }

    /** A raw webhook delivery with the given Stripe-Signature header (none when null). */
    public Response webhook(String payload, String signature) {
        return post("/api/v1/payments/webhook", payload, null,
                signature == null ? Map.of() : Map.of("Stripe-Signature", signature));
    }

    private HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (bearer != null) {
            builder.header("Authorization", bearer);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = type.contains("json") && response.body().length > 0
                    ? JSON.readTree(response.body()) : JSON.missingNode();
            return new Response(response.statusCode(), body, type, response.body());
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
