package io.skillwise.notification.trigger;

import java.util.UUID;

/** Delivery keys of notices caused by events: the event's {@code ce_id}, and the audience when there are several. */
final class Keys {

    private Keys() {
    }

    static String of(UUID eventId) {
        return "event:" + eventId;
    }

    static String of(UUID eventId, String audience) {
        return "event:" + eventId + ":" + audience;
    }
}
