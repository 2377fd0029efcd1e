package io.skillwise.catalog.content;

import java.time.Instant;
import java.util.UUID;

/** An uploaded file of a lesson. */
public record Asset(UUID id, UUID lessonId, UUID courseId, AssetType.Kind kind, String fileName, String contentType,
                    long size, String storageKey, Instant createdAt) {

    /** Where clients fetch it (range requests supported). */
    public String url() {
        return "/api/v1/assets/" + id;
    }
}
