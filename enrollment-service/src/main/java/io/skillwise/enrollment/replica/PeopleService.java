package io.skillwise.enrollment.replica;

import io.skillwise.events.identity.UserEvent;
import io.skillwise.events.identity.UserProfileUpdated;
import io.skillwise.events.identity.UserRegistered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;
import java.util.UUID;

/**
 * Who people are called, as identity-service says: certificates print these names (a learner's chosen certificate
 * name, an instructor's display name).
 */
@Service
public class PeopleService {

    private final PersonRepository people;

    public PeopleService(PersonRepository people) {
        this.people = people;
    }

    @Transactional
    public void apply(UserEvent event) {
        switch (event) {
            case UserRegistered registered ->
                    people.saveIfNewer(registered.userId(), registered.displayName(), null, registered.occurredAt());
            case UserProfileUpdated updated -> people.saveIfNewer(updated.userId(), updated.displayName(),
                    updated.certificateName(), updated.occurredAt());
            default -> {
                // roles and deactivation do not change a name
            }
        }
    }

    @Transactional(readOnly = true)
    public Optional<String> displayName(UUID userId) {
        return people.displayName(userId);
    }

    /** The name a learner's certificates carry: the one they chose in their profile, else their display name. */
    @Transactional(readOnly = true)
    public Optional<String> certificateName(UUID userId) {
        return people.certificateName(userId);
    }
}
