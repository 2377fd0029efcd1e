package io.skillwise.notification.support;

import io.skillwise.testsupport.ApiCalls;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestTokens;
import io.skillwise.testsupport.TestUser;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** notification-service over HTTP, as an app calls it, with test tokens; paths under {@code /api/v1}. */
public final class Api {

    private final String root;

    public Api(int port) {
        this.root = "http://127.0.0.1:" + port + "/api/v1";
    }

    public String url(String path) {
        return root + path;
    }

    public ApiResponse get(String path, TestUser user) {
        return ApiCalls.send(request(path, user).GET());
    }

    public ApiResponse send(String method, String path, Object body, TestUser user) {
        String json = body == null ? "" : body instanceof String text ? text : ApiCalls.JSON.writeValueAsString(body);
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
