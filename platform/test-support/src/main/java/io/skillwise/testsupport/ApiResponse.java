package io.skillwise.testsupport;

import tools.jackson.databind.JsonNode;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP answer as a test sees it: status, JSON body (missing node when not JSON), content type, raw bytes, headers.
 */
public record ApiResponse(int status, JsonNode body, String contentType, byte[] raw, HttpHeaders headers) {

    /** The first value of a response header, or {@code null}. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String text(String field) {
        return body.path(field).asString();
    }

    public String html() {
        return new String(raw, StandardCharsets.UTF_8);
    }
}
