package io.skillwise.identity.account;

import io.skillwise.identity.account.AccountRequests.PasswordResetConfirmRequest;
import io.skillwise.identity.account.AccountRequests.PasswordResetRequest;
import io.skillwise.identity.account.AccountRequests.RegisterRequest;
import io.skillwise.identity.account.AccountRequests.RegisteredView;
import io.skillwise.identity.account.AccountRequests.VerifyEmailRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Accounts", description = "Signing up, verifying the e-mail address and resetting the password")
@RestController
@RequestMapping("/api/v1/auth")
public class AccountController {

    private final AccountService accounts;

    public AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "Sign up",
            description = "Public: creates an account as learner (student) or asking to teach (instructor, which an "
                    + "admin approves) and mails a verification link. Publishes UserRegistered.")
    @ApiResponse(responseCode = "400",
            description = "`validation`, `weak-password` (the password policy says why) or `invalid-account`")
    @ApiResponse(responseCode = "409", description = "`conflict`: an account with this e-mail address exists")
    @ApiResponse(responseCode = "503",
            description = "`mail-unavailable`: the verification mail could not be sent; nothing was created")
    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    public RegisteredView register(@Valid @RequestBody RegisterRequest request) {
        return accounts.register(request);
    }

    @Operation(summary = "Verify the e-mail address",
            description = "Public: the token from the verification mail marks the address verified (buying, "
                    + "affiliate programs and referral codes need it). The token works once.")
    @ApiResponse(responseCode = "400", description = "`invalid-token`: the link is invalid, used or expired")
    @PostMapping("/verify-email")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void verifyEmail(@Valid @RequestBody VerifyEmailRequest request) {
        accounts.verifyEmail(request.token());
    }

    /** For a lost or expired verification mail. Always 202, like the reset request. */
    @Operation(summary = "Send the verification mail again",
            description = "Public: always 202, whether or not the address has an unverified account, so the answer "
                    + "tells nothing about accounts.")
    @ApiResponse(responseCode = "400", description = "`validation`: not an e-mail address")
    @PostMapping("/verify-email/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void resendVerification(@Valid @RequestBody PasswordResetRequest request) {
        accounts.resendVerification(request.email());
    }

    @Operation(summary = "Ask for a password reset",
            description = "Public: mails a reset link if the address has an account; always 202 at once, so neither "
                    + "answer nor timing tells whether it has.")
    @ApiResponse(responseCode = "400", description = "`validation`: not an e-mail address")
    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void requestPasswordReset(@Valid @RequestBody PasswordResetRequest request) {
        accounts.requestPasswordReset(request.email());
    }

    @Operation(summary = "Set a new password",
            description = "Public: the token from the reset mail sets a new password and ends the account's "
                    + "sessions. The token works once.")
    @ApiResponse(responseCode = "400",
            description = "`invalid-token`: the link is invalid, used or expired; `weak-password`: the policy says "
                    + "why")
    @PostMapping("/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void confirmPasswordReset(@Valid @RequestBody PasswordResetConfirmRequest request) {
        accounts.confirmPasswordReset(request.token(), request.newPassword());
    }
}
