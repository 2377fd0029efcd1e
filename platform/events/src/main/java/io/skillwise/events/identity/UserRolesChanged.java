package io.skillwise.events.identity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user's platform roles changed, e.g. an admin approved a request to teach.
 *
 * @param userId        whose roles changed
 * @param roles         the complete set of roles now held
 * @param previousRoles the complete set held before
 * @param actorId       the admin who changed them
 * @param occurredAt    when the change took effect in Keycloak
 */
public record UserRolesChanged(
        UUID userId,
        List<UserRole> roles,
        List<UserRole> previousRoles,
        UUID actorId,
        Instant occurredAt) implements UserEvent {

    public UserRolesChanged {
        requireNonNull(userId, "userId");
        roles = List.copyOf(requireNonNull(roles, "roles"));
        previousRoles = List.copyOf(requireNonNull(previousRoles, "previousRoles"));
        requireNonNull(actorId, "actorId");
        requireNonNull(occurredAt, "occurredAt");
    }
}
