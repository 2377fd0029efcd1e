package io.skillwise.testsupport;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTP answer as a test sees it: status, headers, the body as JSON or as text or bytes, and how long it took.
 * The {@code assert...} methods fail with the request and the whole answer in the message, so a red test says what
 * came back.
 */
public final class ApiResponse {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final String method;
    private final URI uri;
    private final int status;
    private final HttpHeaders headers;
    private final byte[] raw;
    private final Duration elapsed;
    private JsonNode json;

    ApiResponse(String method, URI uri, int status, HttpHeaders headers, byte[] raw, Duration elapsed) {
        this.method = method;
        this.uri = uri;
        this.status = status;
        this.headers = headers;
        this.raw = raw;
        this.elapsed = elapsed;
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The first value of the header, or {@code null}. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The {@code Content-Type}, or {@code ""} when there is none. */
    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    /** The body's bytes as they came (a PDF, an image, a file). */
    public byte[] raw() {
        return raw;
    }

    /** The body as UTF-8 text (HTML, Prometheus metrics, a message). */
    public String text() {
        return new String(raw, StandardCharsets.UTF_8);
    }

    /** From the request being sent to the whole answer being read. */
    public Duration elapsed() {
        return elapsed;
    }

    /** The JSON body; a missing node when the answer is empty or not JSON. */
    public synchronized JsonNode body() {
        if (json == null) {
            json = contentType().contains("json") && raw.length > 0 ? parse() : ApiClient.JSON.missingNode();
        }
        return json;
    }

    private JsonNode parse() {
        try {
            return ApiClient.JSON.readTree(raw);
        } catch (JacksonException e) {
            throw new AssertionError("the answer says it is JSON but is not: " + this, e);
        }
    }

    /** A top-level field as text; {@code null} when it is missing or JSON null. */
    public String text(String field) {
        JsonNode node = body().path(field);
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    /** The {@code id} field of a created or read resource. */
    public String id() {
        return text("id");
    }

    /** The {@code items} of a page (the kit's {@code PageView}). */
    public List<JsonNode> items() {
        List<JsonNode> items = new ArrayList<>();
        body().path("items").forEach(items::add);
        return items;
    }

    /** One field of every item of a page, as text, e.g. {@code items("id")}. */
    public List<String> items(String field) {
        return items().stream().map(item -> item.path(field).asString()).toList();
    }

    /** Fails unless the status is the expected one; answers this response for chaining. */
    public ApiResponse assertStatus(int expected) {
        if (status != expected) {
            throw new AssertionError("expected status " + expected + " but was: " + this);
        }
        return this;
    }

    /**
     * Fails unless the answer is an RFC 9457 problem with this status: the status line, the
     * {@code application/problem+json} content type and the body's {@code status} all agree.
     */
    public ApiResponse assertProblem(int expected) {
        assertStatus(expected);
        if (!contentType().startsWith(PROBLEM_JSON)) {
            throw new AssertionError("expected " + PROBLEM_JSON + " but was: " + this);
        }
        if (body().path("status").asInt() != expected) {
            throw new AssertionError("the problem's status field disagrees with the status line: " + this);
        }
        return this;
    }

    /** The fields a validation problem names in its {@code errors} ({@code [{field, message}]}), in order. */
    public List<String> fieldErrors() {
        List<String> fields = new ArrayList<>();
        body().path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }

    @Override
    public String toString() {
        String type = contentType();
        boolean readable = type.isEmpty() || type.contains("json") || type.startsWith("text/") || type.contains("xml");
        String body = !readable ? "<" + raw.length + " bytes>"
                : raw.length > 2000 ? text().substring(0, 2000) + "..." : text();
        return method + " " + uri + " -> " + status + " " + contentType() + " " + body;
    }
}
