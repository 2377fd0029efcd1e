package io.skillwise.payment.buyer;

import io.skillwise.events.Topics;
import io.skillwise.events.identity.UserDeactivated;
import io.skillwise.events.identity.UserProfileUpdated;
import io.skillwise.events.identity.UserRegistered;
import io.skillwise.kit.messaging.Inbox;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Names and billing addresses from {@code identity.user.v1}, for the invoices; each event applied once (inbox). */
@Component
class BuyerEventsListener {

    private final Inbox inbox;
    private final BuyerService buyers;

    BuyerEventsListener(Inbox inbox, BuyerService buyers) {
        this.inbox = inbox;
        this.buyers = buyers;
    }

    @KafkaListener(topics = Topics.IDENTITY_USER)
    void on(IncomingEvent event) {
        switch (event.event()) {
            case UserRegistered registered -> inbox.processOnce(event, e -> buyers.apply(registered));
            case UserProfileUpdated updated -> inbox.processOnce(event, e -> buyers.apply(updated));
            case UserDeactivated deactivated -> inbox.processOnce(event, e -> buyers.forget(deactivated));
            default -> {
                // roles change nothing an invoice prints
            }
        }
    }
}
