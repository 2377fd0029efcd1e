package io.skillwise.catalog.content;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Content uploads: where the local store keeps files, how large each kind may be and how download URLs are signed
 * ({@code skillwise.catalog.content.*}).
 *
 * @param storageDirectory    directory of the local filesystem store
 * @param maxVideoSize        largest accepted video
 * @param maxDocumentSize     largest accepted document or attachment
 * @param urlSigningSecret    HMAC key of signed download URLs; the default is for the local stack only
 * @param signedUrlTimeToLive how long a signed download URL works
 */
@ConfigurationProperties("skillwise.catalog.content")
public record ContentProperties(Path storageDirectory, DataSize maxVideoSize, DataSize maxDocumentSize,
                                String urlSigningSecret, Duration signedUrlTimeToLive) {

    /** Development only: production sets {@code SKILLWISE_CATALOG_CONTENT_URL_SIGNING_SECRET}. */
    static final String DEV_SIGNING_SECRET = "dev-only-catalog-url-signing-secret";

    public ContentProperties {
        if (storageDirectory == null) {
            storageDirectory = Path.of(System.getProperty("java.io.tmpdir"), "skillwise-catalog-content");
        }
        if (maxVideoSize == null) {
            maxVideoSize = DataSize.ofGigabytes(2);
        }
        if (maxDocumentSize == null) {
            maxDocumentSize = DataSize.ofMegabytes(50);
        }
        if (urlSigningSecret == null || urlSigningSecret.isBlank()) {
            urlSigningSecret = DEV_SIGNING_SECRET;
        }
        if (signedUrlTimeToLive == null) {
            signedUrlTimeToLive = Duration.ofMinutes(15);
        }
        if (urlSigningSecret.length() < 16) {
            throw new IllegalArgumentException("skillwise.catalog.content.url-signing-secret must have 16 characters or more");
        }
        if (signedUrlTimeToLive.isNegative() || signedUrlTimeToLive.isZero()) {
            throw new IllegalArgumentException("skillwise.catalog.content.signed-url-time-to-live must be positive");
        }
    }
}
