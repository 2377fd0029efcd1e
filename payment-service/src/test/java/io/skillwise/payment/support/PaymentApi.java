package io.skillwise.payment.support;

import io.skillwise.testsupport.ApiCalls;
import io.skillwise.testsupport.ApiResponse;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** payment-service called over HTTP, as the apps, Stripe and a browser do. */
public final class PaymentApi {

    public static final JsonMapper JSON = ApiCalls.JSON;

    private final String base;

    public PaymentApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }


    public ApiResponse get(String path, String bearer) {
        return ApiCalls.send(request(path, bearer).GET());
    }

    public ApiResponse get(String path, String bearer, String accept) {
        return ApiCalls.send(request(path, bearer).header("Accept", accept).GET());
    }

    public ApiResponse send(String method, String path, String bearer) {
        return ApiCalls.send(request(path, bearer).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    public ApiResponse post(String path, Object body, String bearer, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String text ? text
                        : JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        return ApiCalls.send(request);
    }

    /** A checkout as the app sends it. */
    public ApiResponse create(Object body, String bearer, String idempotencyKey) {
        return post("/api/v1/payments/create", body, bearer,
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
    }

    /** A raw webhook delivery with the given Stripe-Signature header (none when null). */
    public ApiResponse webhook(String payload, String signature) {
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

}
