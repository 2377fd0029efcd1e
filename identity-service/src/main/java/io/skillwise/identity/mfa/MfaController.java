package io.skillwise.identity.mfa;

import io.skillwise.identity.mfa.MfaService.TotpEnrolment;
import io.skillwise.kit.security.CurrentUser;
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

@RestController
@RequestMapping("/api/v1/profile/mfa/totp")
public class MfaController {

    public record CodeRequest(@NotBlank @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") String code) {
    }

    private final MfaService mfa;

    public MfaController(MfaService mfa) {
        this.mfa = mfa;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public TotpEnrolment enrol() {
        return mfa.enrol(CurrentUser.require());
    }

    @PostMapping("/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void confirm(@Valid @RequestBody CodeRequest request) {
        mfa.confirm(CurrentUser.require(), request.code());
    }

    /** Needs a current code, so a stolen access token alone cannot switch the second factor off. */
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void remove(@Valid @RequestBody CodeRequest request) {
        mfa.remove(CurrentUser.require(), request.code());
    }
}
