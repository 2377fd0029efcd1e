package io.skillwise.identity.account;

import io.skillwise.events.identity.UserRole;

import java.util.List;
import java.util.Locale;

/** Keycloak's lower-case realm role names as the event contract's {@link UserRole}s; other roles are not platform roles. */
public final class AccountEvents {

    public static final List<String> PLATFORM_ROLES = List.of("student", "instructor", "admin");

    private AccountEvents() {
    }

    public static List<UserRole> roles(List<String> realmRoles) {
        return realmRoles.stream().filter(PLATFORM_ROLES::contains)
                .map(role -> UserRole.valueOf(role.toUpperCase(Locale.ROOT))).sorted().toList();
    }
}
