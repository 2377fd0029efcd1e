package io.skillwise.identity.account;

import io.swagger.v3.oas.annotations.media.ArraySchema;
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

    public record RegisterRequest(@Schema(example = "ada@example.com") @NotBlank @Email @Size(max = 254) String email,
                                  @Schema(example = "correct-horse-battery-staple")
                                  @NotBlank @Size(max = 256) String password,
                                  @Schema(example = "Ada Lovelace") @NotBlank @Size(max = 100) String displayName,
                                  @Schema(allowableValues = {"student", "instructor"})
                                  @Pattern(regexp = "student|instructor", message = "must be student or instructor") String role) {

        @Override
        public String toString() {
            return "RegisterRequest[email=" + email + ", password=***, displayName=" + displayName + ", role=" + role + "]";
        }
    }

    public record RegisteredView(UUID userId, @Schema(example = "ada@example.com") String email,
                                 boolean emailVerified,
                                 @ArraySchema(schema = @Schema(example = "student")) List<String> roles,
                                 boolean instructorRequested) {
    }

    public record VerifyEmailRequest(@Schema(description = "The token of the link in the verification mail",
            example = "k3Jq9XvR2mYpL8TzW4aBcD") @NotBlank @Size(max = 200) String token) {
    }

    /** The email of a reset request, also used to ask for a new verification mail. */
    public record PasswordResetRequest(@Schema(example = "ada@example.com") @NotBlank @Email @Size(max = 254)
                                       String email) {
    }

    public record PasswordResetConfirmRequest(@Schema(description = "The token of the link in the reset mail",
                                                      example = "q7Hn2WcE5tYuI0oPaS9dFg")
                                              @NotBlank @Size(max = 200) String token,
                                              @Schema(example = "a-new-long-passphrase")
                                              @NotBlank @Size(max = 256) String newPassword) {

        @Override
        public String toString() {
            return "PasswordResetConfirmRequest[token=***, newPassword=***]";
        }
    }
}
