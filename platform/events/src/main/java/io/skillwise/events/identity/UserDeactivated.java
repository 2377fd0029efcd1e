package io.skillwise.events.identity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A user account was deleted for good. Every service anonymises or forgets the personal data it holds about the
 * user (names, e-mail address, free text they wrote), keeping only what accounting law requires.
 *
 * <p>Temporarily disabling an account is not published: it only ends sessions in Keycloak.
 *
 * @param userId     the deleted user
 * @param actorId    who deleted the account: the user themself or an admin
 * @param occurredAt when the account was deleted
 */
public record UserDeactivated(UUID userId, UUID actorId, Instant occurredAt) implements UserEvent {

    public UserDeactivated {
        requireNonNull(userId, "userId");
        requireNonNull(actorId, "actorId");
        requireNonNull(occurredAt, "occurredAt");
    }
}
