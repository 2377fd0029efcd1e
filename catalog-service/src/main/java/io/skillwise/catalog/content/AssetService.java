package io.skillwise.catalog.content;

import io.skillwise.catalog.course.CurriculumService;
import io.skillwise.catalog.course.CurriculumService.LessonRef;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import io.swagger.v3.oas.annotations.media.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Lesson content files: checked by declared type, first bytes and size; stored through {@link AssetStorage}; served
 * to whoever may read the lesson (owner, admins, enrolled learners, anyone for a preview lesson).
 */
@Service
public class AssetService {

    private static final int HEAD_BYTES = 16;

    private static final Logger log = LoggerFactory.getLogger(AssetService.class);

    private final CurriculumService curriculum;
    private final AssetRepository assets;
    private final AssetStorage storage;
    private final ContentProperties properties;
    private final AssetUrlSigner signer;
    private final Clock clock;

    AssetService(CurriculumService curriculum, AssetRepository assets, AssetStorage storage,
                 ContentProperties properties, AssetUrlSigner signer, Clock clock) {
        this.curriculum = curriculum;
        this.signer = signer;
        this.assets = assets;
        this.storage = storage;
        this.properties = properties;
        this.clock = clock;
    }

    public record AssetView(UUID assetId,
                            @Schema(example = "https://cdn.skillwise.io/assets/3f2a9c1e-7b4d-4e8a-9c6f-1d2e3f4a5b6c")
                            String url,
                            @Schema(example = "application/pdf") String contentType,
                            @Schema(description = "Bytes", example = "482133") long size, AssetType.Kind kind,
                            @Schema(example = "cheat-sheet.pdf") String fileName) {
        static AssetView of(Asset asset) {
            return new AssetView(asset.id(), asset.url(), asset.contentType(), asset.size(), asset.kind(),
                    asset.fileName());
        }
    }

    /** What {@code GET /lessons/{id}/assets/{assetId}/url} answers: a URL that works without a token until then. */
    public record SignedUrl(String url, Instant expiresAt) {
    }

    /** The file and what the response needs to serve it. */
    public record Download(Asset asset, Resource content) {
    }

    /**
     * Stores the file for the lesson. Nothing is written unless the caller owns the course (or is an admin) and the
     * file is of an accepted type and size; the course lock is not held while the bytes are copied.
     */
    public AssetView upload(UUID lessonId, MultipartFile file, CurrentUser caller) {
        LessonRef lesson = curriculum.requireEditable(lessonId, caller);
        if (file == null || file.isEmpty()) {
            throw ApiException.badRequest("The upload has no file (multipart part 'file').");
        }
        AssetType type = AssetType.of(file.getContentType()).orElseThrow(() -> ApiException.badRequest(
                "Content type '" + file.getContentType() + "' is not accepted; use one of video/mp4, video/webm, "
                        + "application/pdf, image/png, image/jpeg, application/zip, text/plain."));
        long limit = (type.kind() == AssetType.Kind.VIDEO ? properties.maxVideoSize() : properties.maxDocumentSize())
                .toBytes();
        if (file.getSize() > limit) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "too-large",
                    "A " + type.kind().name().toLowerCase() + " may be at most " + limit + " bytes.");
        }
        if (!type.matches(head(file))) {
            throw ApiException.badRequest("The file's content is not " + type.contentType() + ".");
        }
        UUID id = UUID.randomUUID();
        Asset asset = new Asset(id, lesson.lessonId(), lesson.courseId(), type.kind(), fileName(file),
                type.contentType(), file.getSize(), lessonFolder(lesson.courseId(), lesson.lessonId()) + id,
                clock.instant());
        try (InputStream content = file.getInputStream()) {
            storage.store(asset.storageKey(), content, asset.size(), asset.contentType());
        } catch (IOException e) {
            throw new UncheckedIOException("could not store asset " + id, e);
        }
        try {
            assets.insert(asset);
        } catch (RuntimeException e) {
            // the lesson went away meanwhile: leave no orphan file behind
            deleteQuietly(asset.storageKey());
            throw e;
        }
        return AssetView.of(asset);
    }

    public List<AssetView> list(UUID lessonId, Optional<CurrentUser> caller) {
        curriculum.requireReadable(lessonId, caller);
        return assets.findByLesson(lessonId).stream().map(AssetView::of).toList();
    }

    public Download download(UUID assetId, Optional<CurrentUser> caller) {
        Asset asset = assets.findById(assetId).orElseThrow(() -> ApiException.notFound("Asset " + assetId));
        curriculum.requireReadable(asset.lessonId(), caller);
        return open(asset);
    }

    /**
     * A short-lived URL that serves the asset without a token, for whoever may read its lesson now (the same rule as
     * {@link #download}); an asset of another lesson is 404.
     */
    public SignedUrl signedUrl(UUID lessonId, UUID assetId, Optional<CurrentUser> caller) {
        curriculum.requireReadable(lessonId, caller);
        Asset asset = assets.findById(assetId).filter(found -> found.lessonId().equals(lessonId))
                .orElseThrow(() -> ApiException.notFound("Asset " + assetId));
        return signer.sign(asset.id());
    }

    /** The bytes behind a signed URL: the signature stands in for the caller's access (403 when it does not hold). */
    public Download signedDownload(UUID assetId, Long expires, String signature) {
        signer.verify(assetId, expires, signature);
        Asset asset = assets.findById(assetId).orElseThrow(() -> ApiException.notFound("Asset " + assetId));
        return open(asset);
    }

    /** A file the store does not have is 404; a store that cannot answer (S3 down, refused credentials) is 503. */
    private Download open(Asset asset) {
        try {
            return new Download(asset, storage.open(asset.storageKey()));
        } catch (FileNotFoundException e) {
            throw ApiException.notFound("Asset " + asset.id());
        } catch (IOException e) {
            log.warn("Could not open the stored file of asset {}: {}", asset.id(), e.toString());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable",
                    "The file cannot be read right now; try again later.");
        }
    }

    public void delete(UUID assetId, CurrentUser caller) {
        Asset asset = assets.findById(assetId).orElseThrow(() -> ApiException.notFound("Asset " + assetId));
        curriculum.requireEditable(asset.lessonId(), caller);
        assets.delete(assetId);
        deleteQuietly(asset.storageKey());
    }

    /** Where the files of a course are stored: every key starts with it. */
    static String courseFolder(UUID courseId) {
        return courseId + "/";
    }

    /** Where the files of a lesson are stored. */
    static String lessonFolder(UUID courseId, UUID lessonId) {
        return courseFolder(courseId) + lessonId + "/";
    }

    private void deleteQuietly(String key) {
        try {
            storage.delete(key);
        } catch (IOException | RuntimeException ignored) {
            // an unreferenced file is harmless; the row is what makes an asset exist
        }
    }

    private static byte[] head(MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return "file";
        }
        String bare = name.replace('\\', '/');
        bare = bare.substring(bare.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_");
        return bare.length() > 255 ? bare.substring(0, 255) : bare;
    }
}
