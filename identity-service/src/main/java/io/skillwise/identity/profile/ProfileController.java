package io.skillwise.identity.profile;

import io.skillwise.identity.account.InvalidFieldsException;
import io.skillwise.identity.profile.ProfileViews.AvatarView;
import io.skillwise.identity.profile.ProfileViews.InstructorProfileView;
import io.skillwise.identity.profile.ProfileViews.ProfileView;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

@Tag(name = "Profile", description = "The signed-in user's own profile and avatar, and instructors' public profiles")
@RestController
public class ProfileController {

    // the two ways to upload an avatar are one operation of the document (springdoc merges them), described alike
    private static final String AVATAR_SUMMARY = "Upload my avatar";
    private static final String AVATAR_DESCRIPTION = "The signed-in user's avatar as multipart part `file` or as the "
            + "image itself (PNG, JPEG, WebP, at most 3 MB); it is re-encoded and its metadata dropped. Publishes "
            + "UserProfileUpdated.";
    private static final String AVATAR_UNSUPPORTED = "`unsupported-image`: not a PNG, JPEG or WebP image, or too "
            + "many pixels";
    private static final String AVATAR_TOO_LARGE = "`too-large`: the image is over 3 MB";

    private final ProfileService profiles;

    public ProfileController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @Operation(summary = "My profile",
            description = "The signed-in user's account and profile: e-mail, roles, display name, bio, links, "
                    + "whether e-mail and two-factor are on, the name printed on certificates and invoices "
                    + "(`certificateName`, the display name unless one was chosen) and the billing address. "
                    + "Changes nothing.")
    @ApiResponse(responseCode = "404",
            description = "`not-found`: the account is gone (deleted while the token lives)")
    @GetMapping("/api/v1/profile")
    public ProfileView profile() {
        return profiles.get(CurrentUser.require());
    }

    /** Read as a tree so unknown and read-only fields are refused by name instead of being dropped. */
    @Operation(summary = "Change my profile",
            description = "The signed-in user changes display name, headline, bio, links, preferences, the name "
                    + "printed on certificates and invoices (`certificateName`; null goes back to the display name) "
                    + "and the billing address printed on invoices (`billingAddress` {name, line1, line2, "
                    + "postalCode, city, region, country}, replaced as a whole; null removes it) as a JSON merge "
                    + "patch; e-mail, roles and status are read-only here. Publishes UserProfileUpdated.")
    @ApiResponse(responseCode = "400",
            description = "`validation`: an unknown or read-only field, or a value that breaks its constraint "
                    + "(`errors` names each)")
    @ApiResponse(responseCode = "404", description = "`not-found`: the account is gone")
    @PatchMapping(path = "/api/v1/profile", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    // the body is read as a tree (nulls clear, unknown fields refused by name); the document shows its fields
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ProfileChanges.class)),
            @Content(mediaType = "application/merge-patch+json",
                    schema = @Schema(implementation = ProfileChanges.class))})
    public ProfileView update(@RequestBody JsonNode body) {
        return profiles.update(CurrentUser.require(), body);
    }

    @Operation(summary = AVATAR_SUMMARY, description = AVATAR_DESCRIPTION)
    @ApiResponse(responseCode = "400", description = AVATAR_UNSUPPORTED)
    @ApiResponse(responseCode = "413", description = AVATAR_TOO_LARGE)
    @PutMapping(path = "/api/v1/profile/avatar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public AvatarView uploadAvatar(@RequestPart("file") MultipartFile file) throws IOException {
        return profiles.uploadAvatar(CurrentUser.require(), file.getBytes());
    }

    /** The image itself as the request body, for clients that do not build multipart requests. */
    @Operation(summary = AVATAR_SUMMARY, description = AVATAR_DESCRIPTION)
    @ApiResponse(responseCode = "400", description = AVATAR_UNSUPPORTED)
    @ApiResponse(responseCode = "413", description = AVATAR_TOO_LARGE)
    @PutMapping(path = "/api/v1/profile/avatar", consumes = {MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE,
            "image/webp", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public AvatarView uploadAvatarBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > 3L * 1024 * 1024) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "too-large", "The avatar must be at most 2 MB.");
        }
        return profiles.uploadAvatar(CurrentUser.require(), request.getInputStream().readNBytes(3 * 1024 * 1024));
    }

    @Operation(summary = "A user's avatar",
            description = "Public: the avatar image of any user, cacheable. Changes nothing.")
    @ApiResponse(responseCode = "404", description = "`not-found`: the user has no avatar")
    @GetMapping("/api/v1/users/{id}/avatar")
    public ResponseEntity<byte[]> avatar(@PathVariable UUID id) {
        AvatarRepository.StoredAvatar avatar = profiles.avatar(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(avatar.contentType()))
                // the URL carries the version, so a long cache is safe
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .lastModified(avatar.updatedAt())
                .body(avatar.content());
    }

    @Operation(summary = "An instructor's public profile",
            description = "Public: display name, headline, bio, links and avatar of an active instructor. Changes "
                    + "nothing.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such active instructor")
    @GetMapping("/api/v1/instructors/{id}/profile")
    public InstructorProfileView instructorProfile(@PathVariable UUID id) {
        return profiles.instructorProfile(id);
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ProblemDetail invalidFields(InvalidFieldsException e, HttpServletRequest request) {
        return e.toProblem(request.getRequestURI());
    }
}
