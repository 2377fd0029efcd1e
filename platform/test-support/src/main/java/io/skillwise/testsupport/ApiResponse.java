package io.skillwise.testsupport;

import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;

/** An HTTP answer as a test sees it: status, JSON body (missing node when not JSON), content type, raw bytes. */
public record ApiResponse(int status, JsonNode body, String contentType, byte[] raw) {

    public String text(String field) {
        return body.path(field).asString();
    }

    public String html() {
        return new String(raw, StandardCharsets.UTF_8);
    }
}
