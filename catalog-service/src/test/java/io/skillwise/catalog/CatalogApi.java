package io.skillwise.catalog;

import io.skillwise.testsupport.TestTokens;
import io.skillwise.testsupport.TestUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Calls the running service over HTTP as a test user (real RS256 tokens from {@link TestTokens}) or anonymously. */
public final class CatalogApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    public CatalogApi(int port) {
        this.port = port;
    }

    public record Response(int status, String contentType, JsonNode body, java.net.http.HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String id() {
            return body.get("id").asString();
        }

        public String text(String field) {
            JsonNode node = body.get(field);
            return node == null || node.isNull() ? null : node.asString();
        }

        public List<String> itemIds() {
            List<String> ids = new ArrayList<>();
            body.get("items").forEach(item -> ids.add(item.get("id").asString()));
            return ids;
        }

        public List<String> itemTitles() {
            List<String> titles = new ArrayList<>();
            body.get("items").forEach(item -> titles.add(item.get("title").asString()));
            return titles;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path, TestUser user) {
        return send("GET", path, user, null);
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response post(String path, TestUser user, Object body) {
        return send("POST", path, user, body);
    }

    public Response patch(String path, TestUser user, Object body) {
        return send("PATCH", path, user, body);
    }

    public Response delete(String path, TestUser user) {
        return send("DELETE", path, user, null);
    }

    public Response send(String method, String path, TestUser user, Object body) {
        return send(method, path, user, body, Map.of());
    }

    public Response send(String method, String path, TestUser user, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)))
                .header("Accept", "application/json, application/problem+json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", TestTokens.shared().bearer(user));
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json,
                    response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Test data: course requests and the steps to a published course. */
    public static final class Courses {

        private Courses() {
        }

        public static Map<String, Object> draft(String title) {
            return new java.util.HashMap<>(Map.of(
                    "title", title,
                    "description", "Everything about " + title + ".",
                    "category", "development",
                    "level", "BEGINNER",
                    "language", "en",
                    "price", Map.of("amount", 4999, "currency", "USD"),
                    "objectives", List.of("Understand " + title),
                    "tags", List.of()));
        }

        public static Map<String, Object> lesson(String title, boolean preview) {
            return Map.of("title", title, "type", "TEXT", "body", "Body of " + title, "durationSeconds", 600,
                    "preview", preview);
        }
    }

    /** Creates, fills and publishes a course; answers its id. */
    public String publishedCourse(TestUser instructor, Map<String, Object> request) {
        Response course = post("/courses", instructor, request);
        if (course.status() != 201) {
            throw new AssertionError("create failed: " + course);
        }
        Response module = post("/courses/" + course.id() + "/modules", instructor, Map.of("title", "Basics"));
        post("/modules/" + module.id() + "/lessons", instructor, Courses.lesson("Welcome", true));
        Response published = post("/courses/" + course.id() + "/publish", instructor, null);
        if (published.status() != 200) {
            throw new AssertionError("publish failed: " + published);
        }
        return course.id();
    }
}
