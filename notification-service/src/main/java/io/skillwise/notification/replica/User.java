package io.skillwise.notification.replica;

import io.skillwise.events.identity.UserRole;

import java.util.Set;
import java.util.UUID;

/** What notification-service knows about a person: where to mail them and how to greet them. */
public record User(UUID id, String email, String displayName, Set<UserRole> roles) {

    public User {
        roles = Set.copyOf(roles);
    }
}
