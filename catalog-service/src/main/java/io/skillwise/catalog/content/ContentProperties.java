package io.skillwise.catalog.content;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Content uploads: which store keeps the files and where, how large each kind may be and how download URLs are
 * signed ({@code skillwise.catalog.content.*}).
 *
 * @param storage             {@code local} (default: files under {@code storageDirectory}) or {@code s3} (a bucket)
 * @param storageDirectory    directory of the local filesystem store
 * @param s3                  the bucket of the S3 store
 * @param maxVideoSize        largest accepted video
 * @param maxDocumentSize     largest accepted document or attachment
 * @param urlSigningSecret    HMAC key of signed download URLs; the default is for the local stack only
 * @param signedUrlTimeToLive how long a signed download URL works
 */
@ConfigurationProperties("skillwise.catalog.content")
public record ContentProperties(Storage storage, Path storageDirectory, S3 s3, DataSize maxVideoSize,
                                DataSize maxDocumentSize, String urlSigningSecret, Duration signedUrlTimeToLive) {

    public enum Storage { LOCAL, S3 }

    /**
     * An S3 bucket, on AWS or on an S3-compatible store.
     *
     * @param bucket    the bucket (created beforehand; the catalog never creates or configures buckets)
     * @param region    its region; blank: the SDK's default region chain ({@code AWS_REGION}, profile, ...)
     * @param endpoint  for S3-compatible stores (MinIO, Ceph): their URL; blank: AWS's endpoint of the region
     * @param pathStyle {@code true} for stores that answer at {@code <endpoint>/<bucket>/<key>} rather than at
     *                  {@code <bucket>.<endpoint>/<key>} (most self-hosted ones)
     * @param accessKey with {@code secretKey}: static credentials; blank: the SDK's default credentials chain
     *                  (environment, profile, container or instance role)
     * @param secretKey the secret of {@code accessKey}
     */
    public record S3(String bucket, String region, URI endpoint, boolean pathStyle, String accessKey,
                     String secretKey) {

        public S3 {
            // an unset environment variable binds as an empty URI, which means no endpoint
            if (endpoint != null && endpoint.toString().isBlank()) {
                endpoint = null;
            }
        }

        boolean hasStaticCredentials() {
            return accessKey != null && !accessKey.isBlank();
        }

        @Override
        public String toString() {
            return "S3[bucket=" + bucket + ", region=" + region + ", endpoint=" + endpoint + ", pathStyle=" + pathStyle
                    + ", accessKey=" + (hasStaticCredentials() ? "(set)" : "(default chain)") + "]";
        }
    }

    /** Development only: production sets {@code SKILLWISE_CATALOG_CONTENT_URL_SIGNING_SECRET}. */
    static final String DEV_SIGNING_SECRET = "dev-only-catalog-url-signing-secret";

    public ContentProperties {
        if (storage == null) {
            storage = Storage.LOCAL;
        }
        if (storage == Storage.S3) {
            if (s3 == null || s3.bucket() == null || s3.bucket().isBlank()) {
                throw new IllegalArgumentException("skillwise.catalog.content.s3.bucket is required when storage is s3");
            }
            if (s3.hasStaticCredentials() && (s3.secretKey() == null || s3.secretKey().isBlank())) {
                throw new IllegalArgumentException("skillwise.catalog.content.s3.secret-key is required with an access key");
            }
        }
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
