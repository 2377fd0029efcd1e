package io.skillwise.identity.profile;

import io.skillwise.identity.account.InvalidFieldsException;
import io.skillwise.identity.profile.ProfileViews.AvatarView;
import io.skillwise.identity.profile.ProfileViews.InstructorProfileView;
import io.skillwise.identity.profile.ProfileViews.ProfileView;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
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

@RestController
public class ProfileController {

    private final ProfileService profiles;

    public ProfileController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/v1/profile")
    public ProfileView profile() {
        return profiles.get(CurrentUser.require());
    }

    /** Read as a tree so unknown and read-only fields are refused by name instead of being dropped. */
    @PatchMapping(path = "/api/v1/profile", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    public ProfileView update(@RequestBody JsonNode body) {
        return profiles.update(CurrentUser.require(), body);
    }

    @PutMapping(path = "/api/v1/profile/avatar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public AvatarView uploadAvatar(@RequestPart("file") MultipartFile file) throws IOException {
        return profiles.uploadAvatar(CurrentUser.require(), file.getBytes());
    }

    /** The image itself as the request body, for clients that do not build multipart requests. */
    @PutMapping(path = "/api/v1/profile/avatar", consumes = {MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE,
            "image/webp", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public AvatarView uploadAvatarBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > 3L * 1024 * 1024) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "too-large", "The avatar must be at most 2 MB.");
        }
        return profiles.uploadAvatar(CurrentUser.require(), request.getInputStream().readNBytes(3 * 1024 * 1024));
    }

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

    @GetMapping("/api/v1/instructors/{id}/profile")
    public InstructorProfileView instructorProfile(@PathVariable UUID id) {
        return profiles.instructorProfile(id);
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ProblemDetail invalidFields(InvalidFieldsException e, HttpServletRequest request) {
        return e.toProblem(request.getRequestURI());
    }
}
