package io.skillwise.events.identity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person created an account.
 *
 * @param userId              the Keycloak subject, used as user id by every service
 * @param email               the login e-mail address (notification sends mail to it), as Keycloak accepted it
 * @param displayName         the name shown to other users
 * @param roles               the roles granted at registration
 * @param instructorRequested the person asked to teach and waits for an admin's approval
 * @param occurredAt          when the account was created
 */
public record UserRegistered(
        UUID userId,
        String email,
        String displayName,
        List<UserRole> roles,
        boolean instructorRequested,
        Instant occurredAt) implements UserEvent {

    public UserRegistered {
        requireNonNull(userId, "userId");
        requireNonNull(email, "email");
        requireNonNull(displayName, "displayName");
        roles = List.copyOf(requireNonNull(roles, "roles"));
        requireNonNull(occurredAt, "occurredAt");
    }
}
