package io.skillwise.identity.support;

import io.skillwise.testsupport.ApiCalls;
import io.skillwise.testsupport.ApiResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Base64;

/** The service under test, called over HTTP as an app would. */
public final class Api {

    public static final JsonMapper JSON = ApiCalls.JSON;

    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port + "/api/v1";
    }


    public ApiResponse get(String path, String token) {
        return ApiCalls.send(request(path, token).GET());
    }

    public ApiResponse post(String path, Object body, String token) {
        return ApiCalls.send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public ApiResponse patch(String path, Object body, String token) {
        return ApiCalls.send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public ApiResponse delete(String path, Object body, String token) {
        HttpRequest.Builder request = request(path, token);
        if (body == null) {
            return ApiCalls.send(request.DELETE());
        }
        return ApiCalls.send(request.header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /** A multipart upload of one file part named {@code file}. */
    public ApiResponse upload(String path, String fileName, String contentType, byte[] content, String token) {
        String boundary = "skillwise-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes();
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes();
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return ApiCalls.send(request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** The payload of a JWT, without checking it: tests read the claims Keycloak put in. */
    public static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static String json(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }

}
