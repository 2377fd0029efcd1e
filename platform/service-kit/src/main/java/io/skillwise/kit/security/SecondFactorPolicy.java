package io.skillwise.kit.security;

import io.skillwise.kit.web.ApiException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpStatus;

/**
 * The platform rule that instructors must have a second factor before they do what moves money or reaches learners
 * (publishing a course, seeing earnings). On by default; {@code skillwise.security.mfa.required-for-instructors=false}
 * turns it off, e.g. for a demo. The token tells: identity-service sets the Keycloak user attribute
 * {@code mfa_enabled} when TOTP is confirmed, the app client maps it into every access token, and Keycloak itself
 * asks such a user for the code at every login — so a token that carries the claim was issued after the second
 * factor. Admins are not instructors for this rule.
 */
public class SecondFactorPolicy {

    /** @param requiredForInstructors whether instructors need a second factor for the guarded actions */
    @ConfigurationProperties("skillwise.security.mfa")
    public record Properties(boolean requiredForInstructors) {
    }

    private final boolean requiredForInstructors;

    public SecondFactorPolicy(Properties properties) {
        this.requiredForInstructors = properties.requiredForInstructors();
    }

    /**
     * Refuses with {@code 403 mfa-required} when the caller is an instructor without a second factor.
     *
     * @param action what the caller tries to do, in words that finish "... before you can", e.g. "publish a course"
     */
    public void requireForInstructor(CurrentUser caller, String action) {
        if (requiredForInstructors && caller.hasRole(KeycloakRoles.INSTRUCTOR) && !caller.isAdmin() && !caller.mfa()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "mfa-required",
                    "Turn on two-factor authentication (POST /api/v1/profile/mfa/totp) and sign in again before you can "
                            + action + ".");
        }
    }
}
