package io.skillwise.notification.replica;

import io.skillwise.events.Topics;
import io.skillwise.events.identity.UserDeactivated;
import io.skillwise.events.identity.UserEvent;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the users replica from {@code identity.user.v1}; a deleted account's enrollments go with it. */
@Component
class UserReplicaListener {

    private final UserReplica users;
    private final EnrollmentReplica enrollments;

    UserReplicaListener(UserReplica users, EnrollmentReplica enrollments) {
        this.users = users;
        this.enrollments = enrollments;
    }

    @KafkaListener(topics = Topics.IDENTITY_USER)
    void on(IncomingEvent event) {
        if (event.event() instanceof UserEvent user) {
            users.apply(event, user);
        }
        if (event.event() instanceof UserDeactivated deactivated) {
            enrollments.erase(deactivated.userId());
        }
    }
}
