package io.skillwise.identity.session;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the session calls. */
public final class SessionRequests {

    /** A shortened JWT, to show the shape of a token in the document. */
    private static final String ACCESS_TOKEN = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4ZjE0ZTQ1Zi1jZWE2LTQ...";
    private static final String REFRESH_TOKEN = "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJleHAiOjE3OTY1NDk2MDAsImlh...";

    private SessionRequests() {
    }

    public record LoginRequest(@Schema(example = "ada@example.com") @NotBlank @Email @Size(max = 254) String email,
                               @Schema(example = "correct-horse-battery-staple")
                               @NotBlank @Size(max = 256) String password,
                               @Schema(description = "The current TOTP code, once two-step sign-in is on",
                                       minLength = 6, maxLength = 6, example = "492039")
                               @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") String otp) {

        @Override
        public String toString() {
            return "LoginRequest[email=" + email + ", password=***, otp=***]";
        }
    }

    public record RefreshRequest(@Schema(example = REFRESH_TOKEN) @NotBlank @Size(max = 8192) String refreshToken) {
    }

    public record LogoutRequest(@Schema(example = REFRESH_TOKEN) @NotBlank @Size(max = 8192) String refreshToken) {
    }

    /** What {@code /auth/login} and {@code /auth/refresh} answer. */
    public record TokenView(@Schema(example = ACCESS_TOKEN) String accessToken,
                            @Schema(example = REFRESH_TOKEN) String refreshToken,
                            @Schema(description = "Seconds the access token is valid", example = "300") long expiresIn,
                            @Schema(example = "Bearer") String tokenType) {
    }
}
