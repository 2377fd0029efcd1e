package io.skillwise.review.replica;

import io.skillwise.events.identity.UserDeactivated;
import io.skillwise.events.identity.UserEvent;
import io.skillwise.events.identity.UserProfileUpdated;
import io.skillwise.events.identity.UserRegistered;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Display names and account ages from {@code identity.user.v1}, never from a call to identity-service. A deleted
 * account's name is forgotten, and the review feature is told to take the user's writing down (ADR 0013).
 */
@Service
public class PeopleReplica {

    private final PersonRepository people;
    private final ApplicationEventPublisher local;

    PeopleReplica(PersonRepository people, ApplicationEventPublisher local) {
        this.people = people;
        this.local = local;
    }

    /**
     * Applies one event once. A deletion is announced again on every delivery ({@link AccountDeleted}), so a crash
     * in the middle of taking the user's reviews down is finished by the redelivery; doing it twice changes nothing.
     */
    public void apply(IncomingEvent incoming, UserEvent event) {
        switch (event) {
            case UserRegistered registered -> people.apply(incoming, registered.userId(), new Update()
                    .set("displayName", registered.displayName()).set("registeredAt", registered.occurredAt())
                    .setOnInsert("deleted", false));
            case UserProfileUpdated updated -> people.apply(incoming, updated.userId(), new Update()
                    .set("displayName", updated.displayName()).setOnInsert("deleted", false));
            case UserDeactivated deactivated -> {
                people.apply(incoming, deactivated.userId(), new Update().unset("displayName").set("deleted", true));
                local.publishEvent(new AccountDeleted(deactivated.userId()));
            }
            default -> {
                // role changes do not show on reviews
            }
        }
    }

    /** Display names of the users we know and who still have an account. */
    public Map<UUID, String> displayNames(Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return people.findAll(userIds).stream().filter(person -> person.displayName() != null)
                .collect(Collectors.toMap(Person::id, Person::displayName));
    }

    public Optional<String> displayName(UUID userId) {
        return people.find(userId).map(Person::displayName);
    }

    /**
     * True when the account was made less than {@code age} before {@code now}, or when identity's events have not
     * told us yet: registration comes long before a purchase and a review, so an unknown account is a very new one.
     */
    public boolean isNewAccount(UUID userId, Duration age, Instant now) {
        return people.find(userId).map(Person::registeredAt).map(at -> at.isAfter(now.minus(age))).orElse(true);
    }
}
