package io.skillwise.identity.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the admin user routes answer. */
public final class AdminViews {

    private AdminViews() {
    }

    public record UserView(UUID userId, String email, String displayName, List<String> roles, boolean enabled,
                           boolean emailVerified, boolean instructorRequested, Boolean mfaEnabled, String avatarUrl,
                           Instant createdAt, Instant updatedAt) {
    }
}
