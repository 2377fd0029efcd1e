package io.skillwise.events.identity;

import io.skillwise.events.DomainEvent;
import java.util.UUID;

/** An event on {@code identity.user.v1}; sealed so that a consumer can switch over every case. */
public sealed interface UserEvent extends DomainEvent
        permits UserRegistered, UserProfileUpdated, UserRolesChanged, UserDeactivated {

    /** The user the fact is about. */
    UUID userId();

    @Override
    default String aggregateId() {
        return userId().toString();
    }
}
