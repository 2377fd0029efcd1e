package io.skillwise.review.support;

import io.skillwise.testsupport.ApiCalls;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestTokens;
import io.skillwise.testsupport.TestUser;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** review-service called over HTTP as an app would, with test tokens; {@code user} null calls anonymously. */
public final class Api {

    private final String root;

    public Api(int port) {
        this.root = "http://127.0.0.1:" + port + "/api/v1";
    }

    public ApiResponse get(String path, TestUser user) {
        return ApiCalls.send(request(path, user).GET());
    }

    /** {@code body} is sent as JSON; a String is sent as it is (for malformed JSON). */
    public ApiResponse post(String path, Object body, TestUser user) {
        return send(path, "POST", body, user);
    }

    public ApiResponse patch(String path, Object body, TestUser user) {
        return send(path, "PATCH", body, user);
    }

    public ApiResponse delete(String path, TestUser user) {
        return ApiCalls.send(request(path, user).DELETE());
    }

    private ApiResponse send(String path, String method, Object body, TestUser user) {
        String json = body instanceof String text ? text : ApiCalls.JSON.writeValueAsString(body);
        return ApiCalls.send(request(path, user).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path, TestUser user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            builder.header("Authorization", TestTokens.shared().bearer(user));
        }
        return builder;
    }
}
