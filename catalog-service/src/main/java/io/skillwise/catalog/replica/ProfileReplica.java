package io.skillwise.catalog.replica;

import io.skillwise.events.identity.UserEvent;
import io.skillwise.events.identity.UserProfileUpdated;
import io.skillwise.events.identity.UserRegistered;
import io.skillwise.events.review.CourseRatingChanged;
import io.skillwise.catalog.common.CatalogChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Instructor names (identity events) and course ratings (review-service's aggregate), copied onto the courses so the
 * listing shows, filters and sorts by them without calling anyone. Older facts never overwrite newer ones.
 */
@Service
public class ProfileReplica {

    private final ReplicaRepository replica;
    private final ApplicationEventPublisher local;

    public ProfileReplica(ReplicaRepository replica, ApplicationEventPublisher local) {
        this.replica = replica;
        this.local = local;
    }

    @Transactional
    public void apply(UserEvent event) {
        switch (event) {
            case UserRegistered e -> {
                replica.displayName(e.userId(), e.displayName(), e.occurredAt());
                local.publishEvent(new CatalogChanged(null));
            }
            case UserProfileUpdated e -> {
                replica.displayName(e.userId(), e.displayName(), e.occurredAt());
                local.publishEvent(new CatalogChanged(null));
            }
            default -> {
                // roles and deactivation do not change what the catalog shows
            }
        }
    }

    @Transactional
    public void apply(CourseRatingChanged event) {
        replica.rating(event.courseId(), event.average(), event.count(), event.occurredAt());
        local.publishEvent(new CatalogChanged(event.courseId()));
    }
}
