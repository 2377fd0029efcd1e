package io.skillwise.identity.session;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the session calls. */
public final class SessionRequests {

    private SessionRequests() {
    }

    public record LoginRequest(@NotBlank @Email @Size(max = 254) String email,
                               @NotBlank @Size(max = 256) String password,
                               @Schema(minLength = 6, maxLength = 6)
                               @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") String otp) {

        @Override
        public String toString() {
            return "LoginRequest[email=" + email + ", password=***, otp=***]";
        }
    }

    public record RefreshRequest(@NotBlank @Size(max = 8192) String refreshToken) {
    }

    public record LogoutRequest(@NotBlank @Size(max = 8192) String refreshToken) {
    }

    /** What {@code /auth/login} and {@code /auth/refresh} answer. */
    public record TokenView(String accessToken, String refreshToken, long expiresIn, String tokenType) {
    }
}
