package io.skillwise.promotion.support;

import io.skillwise.kit.web.ClientAddress;
import io.skillwise.testsupport.ApiCalls;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestTokens;
import io.skillwise.testsupport.TestUser;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** The service under test, called over HTTP as an app (or payment-service) would, with test tokens. */
public final class Api {

    public static final JsonMapper JSON = ApiCalls.JSON;

    private final String root;

    public Api(int port) {
        this.root = "http://127.0.0.1:" + port;
    }

    /** {@code path} under {@code /api/v1}. */
    public ApiResponse get(String path, TestUser user) {
        return ApiCalls.send(request("/api/v1" + path, user).GET());
    }

    public ApiResponse post(String path, Object body, TestUser user) {
        return send("/api/v1" + path, "POST", body, user);
    }

    public ApiResponse patch(String path, Object body, TestUser user) {
        return send("/api/v1" + path, "PATCH", body, user);
    }

    public ApiResponse delete(String path, TestUser user) {
        return ApiCalls.send(request("/api/v1" + path, user).DELETE());
    }

    /** A path from the root, e.g. {@code /internal/promotions/quote}. */
    public ApiResponse postRaw(String path, Object body, TestUser user) {
        return send(path, "POST", body, user);
    }

    /** A path from the root, as the gateway (or payment-service) forwards it: from the client at {@code address}. */
    public ApiResponse postFrom(String address, String path, Object body, TestUser user) {
        return send(path, "POST", body, user, ClientAddress.HEADER, address);
    }

    private ApiResponse send(String path, String method, Object body, TestUser user, String... headers) {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        HttpRequest.Builder request = request(path, user).header("Content-Type", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return ApiCalls.send(request.method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path, TestUser user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            builder.header("Authorization", TestTokens.shared().bearer(user));
        }
        return builder;
    }
}
