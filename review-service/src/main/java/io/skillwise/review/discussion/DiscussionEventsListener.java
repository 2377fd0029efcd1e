package io.skillwise.review.discussion;

import io.skillwise.events.Topics;
import io.skillwise.events.notification.DiscussionPostReported;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reported discussion posts from {@code notification.discussion.v1} join the moderation queue. */
@Component
class DiscussionEventsListener {

    private final DiscussionModeration moderation;

    DiscussionEventsListener(DiscussionModeration moderation) {
        this.moderation = moderation;
    }

    @KafkaListener(topics = Topics.NOTIFICATION_DISCUSSION)
    void on(IncomingEvent event) {
        if (event.event() instanceof DiscussionPostReported reported) {
            moderation.reported(event, reported);
        }
    }
}
