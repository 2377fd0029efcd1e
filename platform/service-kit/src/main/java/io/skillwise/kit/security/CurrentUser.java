package io.skillwise.kit.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The caller, read from the validated token: Keycloak's subject is the user id every service uses.
 *
 * @param mfa true when the token says the user has a second factor: the {@code mfa_enabled} claim that identity-service
 *            sets (see {@link SecondFactorPolicy}), or Keycloak's {@code amr}/{@code acr} of a step-up login
 */
public record CurrentUser(UUID id, String email, String displayName, List<String> roles, boolean emailVerified,
                          boolean mfa, Jwt token) {

    public static Optional<CurrentUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwtAuthentication) {
            return Optional.of(of(jwtAuthentication.getToken()));
        }
        return Optional.empty();
    }

    /** The signed-in caller; only call it behind an authenticated route. */
    public static CurrentUser require() {
        return find().orElseThrow(() -> new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException(
                "no authenticated user"));
    }

    public static CurrentUser of(Jwt jwt) {
        Boolean verified = jwt.getClaimAsBoolean("email_verified");
        List<String> amr = jwt.hasClaim("amr") ? jwt.getClaimAsStringList("amr") : List.of();
        boolean mfa = amr.contains("otp") || amr.contains("mfa") || "2".equals(jwt.getClaimAsString("acr"))
                || Boolean.TRUE.equals(jwt.getClaimAsBoolean("mfa_enabled"));
        return new CurrentUser(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString("email"),
                Optional.ofNullable(jwt.getClaimAsString("name")).orElse(jwt.getClaimAsString("preferred_username")),
                KeycloakRoles.roles(jwt), Boolean.TRUE.equals(verified), mfa, jwt);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return hasRole(KeycloakRoles.ADMIN);
    }
}
