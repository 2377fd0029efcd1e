package io.skillwise.catalog.content;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Objects in one bucket of S3 or an S3-compatible store (MinIO, Ceph, ...), under the same keys as the local store
 * ({@code <course>/<lesson>/<asset>}). Uploads are streamed with their length; downloads are streamed too and start
 * at the requested offset, so a range request for the end of a large video does not pull its beginning from S3.
 */
public class S3AssetStorage implements AssetStorage {

    private static final Logger log = LoggerFactory.getLogger(S3AssetStorage.class);

    private final S3Client s3;
    private final String bucket;
    private final int listPageSize;
    /** Until the store answers a batch deletion with 501 Not Implemented. */
    private volatile boolean batchDeletion = true;

    public S3AssetStorage(S3Client s3, String bucket) {
        this(s3, bucket, 1_000);
    }

    /** {@code listPageSize}: keys per listing page and so per batch deletion (S3 takes 1,000 at the most). */
    S3AssetStorage(S3Client s3, String bucket, int listPageSize) {
        if (listPageSize < 1 || listPageSize > 1_000) {
            throw new IllegalArgumentException("a listing page has 1 to 1,000 keys, not " + listPageSize);
        }
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("skillwise.catalog.content.s3.bucket is required for the S3 store");
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.listPageSize = listPageSize;
    }

    @Override
    public void store(String key, InputStream content, long size, String contentType) throws IOException {
        checkKey(key);
        try {
            // with its length the SDK streams the body (buffering only what a retry needs), never the whole file
            s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType).contentLength(size),
                    RequestBody.fromInputStream(content, size));
        } catch (SdkException e) {
            throw new IOException("could not store " + key + " in bucket " + bucket, e);
        }
    }

    @Override
    public Resource open(String key) throws IOException {
        checkKey(key);
        try {
            long size = s3.headObject(request -> request.bucket(bucket).key(key)).contentLength();
            return new S3ObjectResource(key, size);
        } catch (SdkException e) {
            throw readFailure(key, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        checkKey(key);
        try {
            // S3 answers a deletion of a missing key with success: deleting twice is fine
            s3.deleteObject(request -> request.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new IOException("could not delete " + key + " from bucket " + bucket, e);
        }
    }

    @Override
    public void deleteAll(String prefix) throws IOException {
        if (!prefix.endsWith("/") || prefix.length() < 2 || prefix.startsWith("/")) {
            throw new IllegalArgumentException("a prefix is a folder such as <course>/, was '" + prefix + "'");
        }
        try {
            // a page of the listing is one batch deletion (S3 takes 1,000 keys at the most in either)
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(
                    request -> request.bucket(bucket).prefix(prefix).maxKeys(listPageSize))) {
                List<String> keys = page.contents().stream().map(S3Object::key).toList();
                if (!keys.isEmpty()) {
                    deleteKeys(keys, prefix);
                }
            }
        } catch (SdkException e) {
            throw new IOException("could not delete the objects under " + prefix + " from bucket " + bucket, e);
        }
    }

    /** Whether prefix deletions still use batch deletions (no 501 from the store yet). */
    boolean usesBatchDeletion() {
        return batchDeletion;
    }

    private void deleteKeys(List<String> keys, String prefix) throws IOException {
        if (batchDeletion) {
            try {
                DeleteObjectsResponse deleted = s3.deleteObjects(request -> request.bucket(bucket)
                        .delete(Delete.builder().quiet(true).objects(keys.stream()
                                .map(key -> ObjectIdentifier.builder().key(key).build()).toList()).build()));
                if (deleted.hasErrors() && !deleted.errors().isEmpty()) {
                    throw new IOException("could not delete " + deleted.errors().size() + " objects under " + prefix
                            + " from bucket " + bucket + ", first: " + deleted.errors().getFirst());
                }
                return;
            } catch (S3Exception e) {
                if (e.statusCode() != 501) {
                    throw e;
                }
                // The batch call must carry a checksum, and S3-compatible stores disagree on which header they
                // take (AWS's CRC32 header, Content-MD5): a store that refuses it as not implemented gets one
                // deletion per object from now on.
                log.warn("Bucket {} does not take batch deletions ({}); deleting objects one by one", bucket,
                        e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
                batchDeletion = false;
            }
        }
        for (String key : keys) {
            s3.deleteObject(request -> request.bucket(bucket).key(key));
        }
    }

    private static void checkKey(String key) {
        // keys are made by the catalog; this only keeps a bug from writing outside the catalog's folder scheme
        if (key == null || key.isBlank() || key.startsWith("/") || key.endsWith("/") || key.contains("..")) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
    }

    /** A missing object (HEAD answers a bare 404, GET {@code NoSuchKey}) is a {@link FileNotFoundException}. */
    private IOException readFailure(String key, SdkException cause) {
        if (cause instanceof NoSuchKeyException || cause instanceof S3Exception s3Error && s3Error.statusCode() == 404) {
            FileNotFoundException notFound = new FileNotFoundException(key);
            notFound.initCause(cause);
            return notFound;
        }
        return new IOException("could not read " + key + " from bucket " + bucket, cause);
    }

    /**
     * An object of known length (from HEAD), so Spring answers range requests. Each {@link #getInputStream()} is a
     * new download that starts only on the first read: Spring serves a range by skipping to its start and then
     * reading, and a skip before that read just moves the offset of the ranged GET.
     */
    private final class S3ObjectResource extends AbstractResource {

        private final String key;
        private final long size;

        S3ObjectResource(String key, long size) {
            this.key = key;
            this.size = size;
        }

        @Override
        public InputStream getInputStream() {
            return new ObjectStream(key, size);
        }

        @Override
        public long contentLength() {
            return size;
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public String getDescription() {
            return "S3 object s3://" + bucket + "/" + key;
        }
    }

    /** The object's bytes from an offset; opened lazily with {@code Range: bytes=<offset>-}. */
    private final class ObjectStream extends InputStream {

        private final String key;
        private final long size;
        private long position;
        private ResponseInputStream<GetObjectResponse> body;
        private boolean closed;

        ObjectStream(String key, long size) {
            this.key = key;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read == 1 ? one[0] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
            if (length == 0) {
                return 0;
            }
            if (position >= size) {
                return -1;
            }
            int read = body().read(buffer, offset, length);
            if (read > 0) {
                position += read;
            }
            return read;
        }

        @Override
        public long skip(long count) throws IOException {
            if (count <= 0 || position >= size) {
                return 0;
            }
            long skipped = Math.min(count, size - position);
            // a download in progress is dropped; the next read asks S3 for the bytes from the new offset
            release();
            position += skipped;
            return skipped;
        }

        @Override
        public void close() {
            closed = true;
            release();
        }

        private InputStream body() throws IOException {
            if (body == null) {
                GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
                if (position > 0) {
                    request.range("bytes=" + position + "-");
                }
                try {
                    body = s3.getObject(request.build());
                } catch (SdkException e) {
                    throw readFailure(key, e);
                }
            }
            return body;
        }

        private void release() {
            if (body != null) {
                if (position < size) {
                    // not read to the end: drop the connection instead of downloading the rest to reuse it
                    body.abort();
                }
                try {
                    body.close();
                } catch (IOException | RuntimeException ignored) {
                    // the bytes that were wanted have been read; a failing close changes nothing for the caller
                }
                body = null;
            }
        }
    }
}
