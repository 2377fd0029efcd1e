package io.skillwise.identity.account;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** Bodies and answers of the account calls under {@code /auth}. */
public final class AccountRequests {

    private AccountRequests() {
    }

    public record RegisterRequest(@NotBlank @Email @Size(max = 254) String email,
                                  @NotBlank @Size(max = 256) String password,
                                  @NotBlank @Size(max = 100) String displayName,
                                  @Schema(allowableValues = {"student", "instructor"})
                                  @Pattern(regexp = "student|instructor", message = "must be student or instructor") String role) {

        @Override
        public String toString() {
            return "RegisterRequest[email=" + email + ", password=***, displayName=" + displayName + ", role=" + role + "]";
        }
    }

    public record RegisteredView(UUID userId, String email, boolean emailVerified, List<String> roles,
                                 boolean instructorRequested) {
    }

    public record VerifyEmailRequest(@NotBlank @Size(max = 200) String token) {
    }

    /** The email of a reset request, also used to ask for a new verification mail. */
    public record PasswordResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    public record PasswordResetConfirmRequest(@NotBlank @Size(max = 200) String token,
                                              @NotBlank @Size(max = 256) String newPassword) {

        @Override
        public String toString() {
            return "PasswordResetConfirmRequest[token=***, newPassword=***]";
        }
    }
}
