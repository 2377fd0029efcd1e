package io.skillwise.identity.mfa;

import io.skillwise.identity.account.Account;
import io.skillwise.identity.account.AccountService;
import io.skillwise.identity.keycloak.KeycloakAdminClient;
import io.skillwise.identity.keycloak.KeycloakCredential;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * TOTP enrolment from the API. The confirmed secret becomes a Keycloak OTP credential, so Keycloak itself asks for
 * the code at every login; identity keeps an encrypted copy only to check the fresh code that removal requires.
 */
@Service
public class MfaService {

    public record TotpEnrolment(@Schema(description = "The shared secret, base32", example = "JBSWY3DPEHPK3PXPJBSWY3DP")
                                String secret,
                                @Schema(description = "For an authenticator app's QR code",
                                        example = "otpauth://totp/SkillWise:ada%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=SkillWise")
                                String otpauthUri,
                                @Schema(example = "6") int digits,
                                @Schema(description = "Seconds each code is valid", example = "30") int period,
                                @Schema(example = "SHA1") String algorithm) {
    }

    private final AccountService accounts;
    private final TotpSecretRepository secrets;
    private final KeycloakAdminClient keycloak;
    private final MfaProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public MfaService(AccountService accounts, TotpSecretRepository secrets, KeycloakAdminClient keycloak,
                      MfaProperties properties, TransactionTemplate transaction, Clock clock) {
        this.accounts = accounts;
        this.secrets = secrets;
        this.keycloak = keycloak;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    public TotpEnrolment enrol(CurrentUser caller) {
        Account account = accounts.require(caller.id());
        if (keycloak.hasOtp(caller.id())) {
            throw ApiException.conflict("Two-factor authentication is already on; remove it first to enrol a new device.");
        }
        String secret = Totp.newSecret();
        transaction.executeWithoutResult(status -> secrets.savePending(caller.id(), secret, clock.instant()));
        String base32 = Totp.base32(secret);
        String label = UriUtils.encodePathSegment(properties.issuer() + ":" + account.email(), StandardCharsets.UTF_8);
        String uri = "otpauth://totp/" + label + "?secret=" + base32
                + "&issuer=" + UriUtils.encodeQueryParam(properties.issuer(), StandardCharsets.UTF_8)
                + "&algorithm=SHA1&digits=6&period=30";
        return new TotpEnrolment(base32, uri, 6, 30, "SHA1");
    }

    public void confirm(CurrentUser caller, String code) {
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            TotpSecretRepository.TotpSecret pending = secrets.lock(caller.id())
                    .filter(secret -> !secret.confirmed())
                    .filter(secret -> secret.createdAt().plus(properties.enrolmentTtl()).isAfter(now))
                    .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "no-enrolment",
                            "There is no open TOTP enrolment; start one with POST /profile/mfa/totp."));
            if (!Totp.verify(pending.secret(), code, now)) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-code", "The code is wrong or too old.");
            }
            secrets.confirm(caller.id(), now);
            // last: a Keycloak refusal rolls the confirmation back
            keycloak.addTotpCredential(caller.id(), pending.secret(), properties.issuer() + " authenticator");
        });
    }

    public void remove(CurrentUser caller, String code) {
        transaction.executeWithoutResult(status -> {
            TotpSecretRepository.TotpSecret active = secrets.lock(caller.id())
                    .filter(TotpSecretRepository.TotpSecret::confirmed)
                    .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "mfa-not-enabled",
                            "Two-factor authentication set up through the API is not on for this account."));
            if (!Totp.verify(active.secret(), code, clock.instant())) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-code", "The code is wrong or too old.");
            }
            secrets.delete(caller.id());
            for (KeycloakCredential credential : keycloak.credentials(caller.id())) {
                if (credential.isOtp()) {
                    keycloak.deleteCredential(caller.id(), credential.id());
                }
            }
            keycloak.clearMfaAttribute(caller.id());
        });
    }
}
