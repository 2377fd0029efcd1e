package io.skillwise.gateway.web;

import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code skillwise.gateway.request-size.*}: the largest request body the gateway forwards.
 *
 * @param defaultLimit every path not named below (JSON APIs)
 * @param avatar {@code PUT /api/v1/profile/avatar} (the image plus its multipart framing)
 * @param lessonAssets {@code PUT /api/v1/lessons/{id}/assets} (videos, documents)
 */
@ConfigurationProperties("skillwise.gateway.request-size")
public record RequestSizeProperties(DataSize defaultLimit, DataSize avatar, DataSize lessonAssets) {

    public RequestSizeProperties {
        Objects.requireNonNull(defaultLimit, "skillwise.gateway.request-size.default-limit is required");
        Objects.requireNonNull(avatar, "skillwise.gateway.request-size.avatar is required");
        Objects.requireNonNull(lessonAssets, "skillwise.gateway.request-size.lesson-assets is required");
    }
}
