package io.skillwise.catalog.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.StorageType;
import org.jclouds.blobstore.options.ListContainerOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real S3 server in the test JVM: s3proxy on 127.0.0.1 (a free port) with AWS signature checks, keeping objects
 * in memory (jclouds' transient backend). The tests look into the bucket through the backend, not through the S3
 * API the catalog uses.
 */
final class S3TestServer implements AutoCloseable {

    static final String ACCESS_KEY = "catalog-test-access";
    static final String SECRET_KEY = "catalog-test-secret-key-0123456789";
    static final String REGION = "us-east-1";

    private final BlobStoreContext context;
    private final S3Proxy proxy;
    private final String bucket;

    private S3TestServer(String bucket, boolean acceptsUnknownHeaders) throws Exception {
        this.bucket = bucket;
        // in memory: jclouds' filesystem backend lists folders as objects and takes seconds to delete them
        context = ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential")
                .build(BlobStoreContext.class);
        context.getBlobStore().createContainerInLocation(null, bucket);
        proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(acceptsUnknownHeaders)
                .build();
        proxy.start();
        // start() returns before Jetty has bound its port
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .untilAsserted(() -> assertThat(proxy.getState()).isEqualTo("STARTED"));
    }

    /**
     * Starts a server with one (empty) bucket. s3proxy refuses requests with headers it does not know (501), among
     * them the CRC32 checksum header the SDK puts on batch deletions, as some S3-compatible stores do; with
     * {@code acceptsUnknownHeaders} it ignores them, as AWS and newer stores take them.
     */
    static S3TestServer start(String bucket, boolean acceptsUnknownHeaders) {
        try {
            return new S3TestServer(bucket, acceptsUnknownHeaders);
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start", e);
        }
    }

    /** Settings for the catalog's S3 client that reach this server. */
    ContentProperties.S3 settings() {
        return new ContentProperties.S3(bucket, REGION, endpoint(), true, ACCESS_KEY, SECRET_KEY);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    String bucket() {
        return bucket;
    }

    /** The keys in the bucket that start with the prefix, as the store itself has them. */
    List<String> keys(String prefix) {
        BlobStore store = context.getBlobStore();
        List<String> keys = new ArrayList<>();
        String marker = null;
        do {
            ListContainerOptions options = ListContainerOptions.Builder.prefix(prefix).recursive();
            if (marker != null) {
                options.afterMarker(marker);
            }
            var page = store.list(bucket, options);
            for (StorageMetadata entry : page) {
                if (entry.getType() == StorageType.BLOB) {
                    keys.add(entry.getName());
                }
            }
            marker = page.getNextMarker();
        } while (marker != null);
        return keys;
    }

    byte[] bytes(String key) {
        var blob = context.getBlobStore().getBlob(bucket, key);
        if (blob == null) {
            return null;
        }
        try (var content = blob.getPayload().openStream()) {
            return content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
