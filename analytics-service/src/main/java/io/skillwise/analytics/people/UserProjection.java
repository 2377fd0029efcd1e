package io.skillwise.analytics.people;

import static io.skillwise.analytics.projection.EventBatch.onePerKey;

import io.skillwise.analytics.projection.Delivered;
import io.skillwise.analytics.projection.EventBatch;
import io.skillwise.analytics.projection.Projection;
import io.skillwise.events.identity.UserDeactivated;
import io.skillwise.events.identity.UserEvent;
import io.skillwise.events.identity.UserProfileUpdated;
import io.skillwise.events.identity.UserRegistered;
import io.skillwise.events.identity.UserRole;
import io.skillwise.events.identity.UserRolesChanged;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Users from {@code identity.user.v1}: when they signed up and as what, their current display name and whether they
 * teach. Names and roles are last-writer-wins by event time; a deleted account loses its name for good.
 */
@Component
class UserProjection implements Projection {

    private static final Comparator<Delivered<UserEvent>> LATEST =
            Comparator.<Delivered<UserEvent>, java.time.Instant>comparing(d -> d.event().occurredAt())
                    .thenComparingLong(Delivered::offset);

    private final UserRepository users;

    UserProjection(UserRepository users) {
        this.users = users;
    }

    @Override
    public void apply(EventBatch batch) {
        List<UserRegistered> registered = batch.events(UserRegistered.class);
        users.registered(onePerKey(registered, UserRegistered::userId,
                Comparator.comparing(UserRegistered::occurredAt).reversed()));
        List<Delivered<UserEvent>> naming = batch.deliveries(UserEvent.class).stream()
                .filter(d -> d.event() instanceof UserRegistered || d.event() instanceof UserProfileUpdated
                        || d.event() instanceof UserDeactivated)
                .toList();
        users.named(onePerKey(naming, d -> d.event().userId(), LATEST).stream().map(d -> switch (d.event()) {
            case UserRegistered e -> new UserRepository.Name(e.userId(), e.displayName(), e.occurredAt());
            case UserProfileUpdated e -> new UserRepository.Name(e.userId(), e.displayName(), e.occurredAt());
            case UserDeactivated e -> new UserRepository.Name(e.userId(), null, e.occurredAt());
            default -> throw new IllegalStateException("not a naming event: " + d.event());
        }).toList());
        List<Delivered<UserEvent>> roles = batch.deliveries(UserEvent.class).stream()
                .filter(d -> d.event() instanceof UserRegistered || d.event() instanceof UserRolesChanged)
                .toList();
        users.roles(onePerKey(roles, d -> d.event().userId(), LATEST).stream().map(d -> switch (d.event()) {
            case UserRegistered e -> new UserRepository.Roles(e.userId(), e.roles().contains(UserRole.INSTRUCTOR),
                    e.occurredAt());
            case UserRolesChanged e -> new UserRepository.Roles(e.userId(), e.roles().contains(UserRole.INSTRUCTOR),
                    e.occurredAt());
            default -> throw new IllegalStateException("not a roles event: " + d.event());
        }).toList());
        users.deactivated(onePerKey(batch.events(UserDeactivated.class), UserDeactivated::userId,
                Comparator.comparing(UserDeactivated::occurredAt)));
    }
}
