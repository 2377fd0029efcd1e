package io.skillwise.catalog.content;

import io.skillwise.kit.web.PageView;
import io.skillwise.catalog.content.AssetService.AssetView;
import io.skillwise.catalog.content.AssetService.Download;
import io.skillwise.kit.security.CurrentUser;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Lesson content files: upload (multipart part {@code file}), list, download with HTTP range requests, delete. */
@RestController
@RequestMapping("/api/v1")
class AssetController {

    private final AssetService assets;

    AssetController(AssetService assets) {
        this.assets = assets;
    }

    @PutMapping(path = "/lessons/{lessonId}/assets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AssetView upload(@PathVariable UUID lessonId, @RequestPart(name = "file", required = false) MultipartFile file) {
        return assets.upload(lessonId, file, CurrentUser.require());
    }

    @GetMapping("/lessons/{lessonId}/assets")
    PageView<AssetView> list(@PathVariable UUID lessonId) {
        return PageView.all(assets.list(lessonId, CurrentUser.find()));
    }

    /** A short-lived URL that serves the file without a token (for video players): {@code {url, expiresAt}}. */
    @GetMapping("/lessons/{lessonId}/assets/{assetId}/url")
    AssetService.SignedUrl signedUrl(@PathVariable UUID lessonId, @PathVariable UUID assetId) {
        return assets.signedUrl(lessonId, assetId, CurrentUser.find());
    }

    /**
     * The bytes; a {@code Range} header gets {@code 206 Partial Content} (video seeking). With {@code expires} and
     * {@code signature} (a signed URL) the signature decides access; without, the caller's token does.
     */
    @GetMapping("/assets/{id}")
    ResponseEntity<Resource> download(@PathVariable UUID id, @RequestParam(required = false) Long expires,
                                      @RequestParam(required = false) String signature) {
        Download download = expires != null || signature != null
                ? assets.signedDownload(id, expires, signature)
                : assets.download(id, CurrentUser.find());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.asset().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(download.asset().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(download.content());
    }

    @DeleteMapping("/assets/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        assets.delete(id, CurrentUser.require());
    }
}
