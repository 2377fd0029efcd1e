package io.skillwise.identity.session;

import io.skillwise.kit.web.ApiException;
import org.springframework.http.HttpStatus;

/** The password grant failed because the account has TOTP and no code was sent: the app should ask for one. */
public class MfaRequiredException extends ApiException {

    public MfaRequiredException() {
        super(HttpStatus.UNAUTHORIZED, "mfa-required", "This account uses two-factor authentication: send the current one-time code as 'otp'.");
    }
}
