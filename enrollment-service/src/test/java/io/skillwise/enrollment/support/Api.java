package io.skillwise.enrollment.support;

import io.skillwise.testsupport.ApiCalls;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestTokens;
import io.skillwise.testsupport.TestUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** The service under test, called over HTTP as an app would, with test tokens. */
public final class Api {

    public static final JsonMapper JSON = ApiCalls.JSON;

    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port + "/api/v1";
    }


    public ApiResponse get(String path, TestUser user) {
        return ApiCalls.send(request(path, user).GET());
    }

    public ApiResponse post(String path, Object body, TestUser user) {
        return ApiCalls.send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public ApiResponse post(String path, Object body, TestUser user, String headerName, String headerValue) {
        return ApiCalls.send(request(path, user).header("Content-Type", "application/json").header(headerName, headerValue)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public ApiResponse patch(String path, Object body, TestUser user) {
        return ApiCalls.send(request(path, user).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpRequest.Builder request(String path, TestUser user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            builder.header("Authorization", TestTokens.shared().bearer(user));
        }
        return builder;
    }

}
