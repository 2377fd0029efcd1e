package io.skillwise.kit.messaging.support;

import io.skillwise.testsupport.TestTokens;
import io.skillwise.testsupport.TestUser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** Calls the test application's HTTP API as a signed-in student. */
public final class TestApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String baseUrl;
    private final String bearer;

    public TestApi(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.bearer = TestTokens.shared().bearer(TestUser.student());
    }

    /** Renames a profile kept in PostgreSQL. */
    public HttpResponse<String> rename(UUID id, String displayName) {
        return put("/profiles/" + id, displayName, null);
    }

    /** Renames a profile kept in MongoDB. */
    public HttpResponse<String> renameInMongo(UUID id, String displayName) {
        return put("/mongo-profiles/" + id, displayName, null);
    }

    /** Renames a PostgreSQL profile inside the caller's trace. */
    public HttpResponse<String> rename(UUID id, String displayName, String traceparent) {
        return put("/profiles/" + id, displayName, traceparent);
    }

    public HttpResponse<String> renameInMongo(UUID id, String displayName, String traceparent) {
        return put("/mongo-profiles/" + id, displayName, traceparent);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    private HttpResponse<String> put(String path, String displayName, String traceparent) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"" + displayName + "\"}"));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
