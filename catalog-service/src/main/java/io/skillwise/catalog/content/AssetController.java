package io.skillwise.catalog.content;

import io.skillwise.kit.security.OwnedObject;
import io.skillwise.kit.web.PageView;
import io.skillwise.catalog.content.AssetService.AssetView;
import io.skillwise.catalog.content.AssetService.Download;
import io.skillwise.kit.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Lesson files", description = "Videos, documents and images of lessons, with range requests and signed URLs")
@RestController
@RequestMapping("/api/v1")
class AssetController {

    private final AssetService assets;

    AssetController(AssetService assets) {
        this.assets = assets;
    }

    @Operation(summary = "Upload a lesson file",
            description = "The course's instructor or an admin uploads one file (multipart part `file`) of a type "
                    + "the lesson takes; its content must match its declared type. Publishes no event.")
    @ApiResponse(responseCode = "400",
            description = "`bad-request`: no file, a type lessons do not take, content that is not of the declared "
                    + "type")
    @ApiResponse(responseCode = "404",
            description = "`not-found`: no such lesson, or one of a course the caller may not see")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the course is another instructor's")
    @ApiResponse(responseCode = "413",
            description = "`too-large`: the file is larger than the configured limit for its type")
    @ApiResponse(responseCode = "503",
            description = "`storage-unavailable`: the file store cannot be reached; nothing was kept")
    @OwnedObject("the course's instructor, or an admin")
    @PutMapping(path = "/lessons/{lessonId}/assets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AssetView upload(@PathVariable UUID lessonId, @RequestPart(name = "file", required = false) MultipartFile file) {
        return assets.upload(lessonId, file, CurrentUser.require());
    }

    @Operation(summary = "List a lesson's files",
            description = "Public for preview lessons; otherwise for enrolled learners, the course's instructor and "
                    + "admins. Changes nothing.")
    @ApiResponse(responseCode = "404",
            description = "`not-found`: no such lesson, or one of a course the caller may not see")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the lesson is open to enrolled learners only")
    @GetMapping("/lessons/{lessonId}/assets")
    PageView<AssetView> list(@PathVariable UUID lessonId) {
        return PageView.all(assets.list(lessonId, CurrentUser.find()));
    }

    /** A short-lived URL that serves the file without a token (for video players): {@code {url, expiresAt}}. */
    @Operation(summary = "A signed URL for a lesson file",
            description = "A short-lived URL that serves the file without a token (for video players), for whoever "
                    + "may read the lesson. Changes nothing.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such file on this lesson")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the lesson is open to enrolled learners only")
    @GetMapping("/lessons/{lessonId}/assets/{assetId}/url")
    AssetService.SignedUrl signedUrl(@PathVariable UUID lessonId, @PathVariable UUID assetId) {
        return assets.signedUrl(lessonId, assetId, CurrentUser.find());
    }

    /**
     * The bytes; a {@code Range} header gets {@code 206 Partial Content} (video seeking). With {@code expires} and
     * {@code signature} (a signed URL) the signature decides access; without, the caller's token does.
     */
    @Operation(summary = "Download a lesson file",
            description = "The bytes; a Range header gets 206 Partial Content (video seeking). With expires and "
                    + "signature (a signed URL) the signature decides access, otherwise the caller's token (or "
                    + "none for files of preview lessons). Changes nothing.")
    @ApiResponse(responseCode = "403",
            description = "`forbidden`: an invalid or expired signature, or a lesson open to enrolled learners only")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such file")
    @ApiResponse(responseCode = "503", description = "`storage-unavailable`: the file store cannot be reached")
    @GetMapping("/assets/{id}")
    ResponseEntity<Resource> download(@PathVariable UUID id,
                                      @Parameter(description = "of a signed URL: when it expires, in epoch seconds",
                                              schema = @Schema(type = "integer", format = "int64", minimum = "0",
                                                      maximum = "9999999999"))
                                      @RequestParam(required = false) Long expires,
                                      @Parameter(description = "of a signed URL: its HMAC; no longer one matches",
                                              schema = @Schema(maxLength = 128))
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

    @Operation(summary = "Delete a lesson file",
            description = "The course's instructor or an admin removes a file from its lesson and from the store.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such file")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the course is another instructor's")
    @OwnedObject("the course's instructor, or an admin")
    @DeleteMapping("/assets/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        assets.delete(id, CurrentUser.require());
    }
}
