package io.skillwise.enrollment.replica;

import io.skillwise.events.Topics;
import io.skillwise.events.identity.UserProfileUpdated;
import io.skillwise.events.identity.UserRegistered;
import io.skillwise.kit.messaging.Inbox;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps display names from {@code identity.user.v1}. */
@Component
class IdentityEventsListener {

    private final Inbox inbox;
    private final PeopleService people;

    IdentityEventsListener(Inbox inbox, PeopleService people) {
        this.inbox = inbox;
        this.people = people;
    }

    @KafkaListener(topics = Topics.IDENTITY_USER)
    void on(IncomingEvent event) {
        switch (event.event()) {
            case UserRegistered registered -> inbox.processOnce(event, e -> people.apply(registered));
            case UserProfileUpdated updated -> inbox.processOnce(event, e -> people.apply(updated));
            default -> {
                // no name in it
            }
        }
    }
}
