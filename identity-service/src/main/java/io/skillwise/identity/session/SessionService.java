package io.skillwise.identity.session;

import io.skillwise.identity.keycloak.KeycloakAdminClient;
import io.skillwise.identity.keycloak.KeycloakException;
import io.skillwise.identity.keycloak.KeycloakTokenClient;
import io.skillwise.identity.keycloak.TokenSet;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.SessionDenylist;
import io.skillwise.kit.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.util.Locale;
import java.util.UUID;

/**
 * Login, refresh and logout over Keycloak's token endpoint, and ending all of a user's sessions (password reset,
 * disable, delete). Keycloak issues and revokes every token; this service writes the kit's {@link SessionDenylist},
 * which makes the access token of an ended session unusable straight away at the gateway and at every service.
 */
@Service
public class SessionService {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final KeycloakTokenClient tokens;
    private final KeycloakAdminClient admin;
    private final SessionDenylist denylist;
    private final SessionProperties properties;

    public SessionService(KeycloakTokenClient tokens, KeycloakAdminClient admin, SessionDenylist denylist,
                          SessionProperties properties) {
        this.tokens = tokens;
        this.admin = admin;
        this.denylist = denylist;
        this.properties = properties;
    }

    public TokenSet login(String email, String password, String otp) {
        String username = email.trim().toLowerCase(Locale.ROOT);
        try {
            return tokens.passwordGrant(username, password, otp);
        } catch (KeycloakException e) {
            if (!"invalid_grant".equals(e.error())) {
                throw e;
            }
            // Keycloak answers a missing code exactly like a wrong password; tell them apart by whether the account
            // has an OTP credential, so the app knows to ask for a code.
            if ((otp == null || otp.isBlank()) && hasOtp(username)) {
                throw new MfaRequiredException();
            }
            throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid-credentials",
                    "The email, password or one-time code is wrong, or the account cannot sign in.");
        }
    }

    public TokenSet refresh(String refreshToken) {
        try {
            return tokens.refresh(refreshToken);
        } catch (KeycloakException e) {
            if ("invalid_grant".equals(e.error()) || e.isBadRequest() || e.status() == 401) {
                throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid-refresh-token",
                        "The refresh token is invalid, expired or was revoked; sign in again.");
            }
            throw e;
        }
    }

    /** Ends the caller's session in Keycloak and denylists it, so neither of its tokens works any more. */
    public void logout(CurrentUser caller, String refreshToken) {
        String sessionId = caller.token().getClaimAsString(SessionDenylist.SESSION_CLAIM);
        try {
            tokens.logout(refreshToken);
        } catch (KeycloakException e) {
            if (e.status() >= 500) {
                throw e;
            }
            // A refresh token that is already dead (expired, rotated, logged out) has nothing left to end; the
            // access token's session is denylisted all the same.
            log.info("Logout with an unusable refresh token for user {}: {}", caller.id(), e.error());
        }
        revoke(sessionId);
    }

    /** Ends every session of a user: denylists each session id for the gateway, then logs them out in Keycloak. */
    public void endAllSessions(UUID userId) {
        try {
            admin.sessionIds(userId).forEach(this::revoke);
            admin.logoutEverywhere(userId);
        } catch (KeycloakException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
    }

    private void revoke(String sessionId) {
        denylist.revoke(sessionId, properties.revocationTtl());
    }

    private boolean hasOtp(String email) {
        return admin.findByEmail(email).map(user -> admin.hasOtp(user.id())).orElse(false);
    }
}
