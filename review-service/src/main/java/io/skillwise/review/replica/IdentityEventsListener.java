package io.skillwise.review.replica;

import io.skillwise.events.Topics;
import io.skillwise.events.identity.UserEvent;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the people replica from {@code identity.user.v1}. */
@Component
class IdentityEventsListener {

    private final PeopleReplica people;

    IdentityEventsListener(PeopleReplica people) {
        this.people = people;
    }

    @KafkaListener(topics = Topics.IDENTITY_USER)
    void on(IncomingEvent event) {
        if (event.event() instanceof UserEvent user) {
            people.apply(event, user);
        }
    }
}
