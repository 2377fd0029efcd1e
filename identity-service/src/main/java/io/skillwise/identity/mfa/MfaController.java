package io.skillwise.identity.mfa;

import io.skillwise.identity.mfa.MfaService.TotpEnrolment;
import io.skillwise.kit.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Two-factor authentication", description = "TOTP second factor of the signed-in user")
@RestController
@RequestMapping("/api/v1/profile/mfa/totp")
public class MfaController {

    public record CodeRequest(@NotBlank @Schema(minLength = 6, maxLength = 6, example = "492039")
                              @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") String code) {
    }

    private final MfaService mfa;

    public MfaController(MfaService mfa) {
        this.mfa = mfa;
    }

    @Operation(summary = "Start TOTP enrolment",
            description = "The signed-in user gets a new TOTP secret and its otpauth URI (for a QR code); it takes "
                    + "effect once confirmed with a code.")
    @ApiResponse(responseCode = "409",
            description = "`conflict`: two-factor authentication is on already; remove it first")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public TotpEnrolment enrol() {
        return mfa.enrol(CurrentUser.require());
    }

    @Operation(summary = "Confirm TOTP enrolment",
            description = "The signed-in user sends a current code of the new device; from then on signing in needs "
                    + "a code, and instructors' earnings need a token issued with it.")
    @ApiResponse(responseCode = "400", description = "`invalid-code`: the code is wrong or too old")
    @ApiResponse(responseCode = "409", description = "`no-enrolment`: no enrolment was started")
    @PostMapping("/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void confirm(@Valid @RequestBody CodeRequest request) {
        mfa.confirm(CurrentUser.require(), request.code());
    }

    /** Needs a current code, so a stolen access token alone cannot switch the second factor off. */
    @Operation(summary = "Switch TOTP off",
            description = "The signed-in user removes the second factor with a current code, so a stolen access "
                    + "token alone cannot switch it off.")
    @ApiResponse(responseCode = "400", description = "`invalid-code`: the code is wrong or too old")
    @ApiResponse(responseCode = "409", description = "`mfa-not-enabled`: two-factor authentication is not on")
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void remove(@Valid @RequestBody CodeRequest request) {
        mfa.remove(CurrentUser.require(), request.code());
    }
}
