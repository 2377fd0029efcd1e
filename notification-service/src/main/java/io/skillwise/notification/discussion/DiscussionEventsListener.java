package io.skillwise.notification.discussion;

import io.skillwise.events.Topics;
import io.skillwise.events.identity.UserDeactivated;
import io.skillwise.events.review.ContentModerated;
import io.skillwise.events.review.ModeratedContentKind;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What discussions learn from other services: moderators' decisions about posts (review-service) and deleted
 * accounts (identity). Its own consumer group ({@value #GROUP_SUFFIX} after the service's), so that these listeners
 * never share the partitions of a topic with the replicas' or the notices' listeners.
 */
@Component
class DiscussionEventsListener {

    static final String GROUP_SUFFIX = ".discussions";
    private static final String GROUP = "${spring.kafka.consumer.group-id}" + GROUP_SUFFIX;

    private final DiscussionModeration moderation;

    DiscussionEventsListener(DiscussionModeration moderation) {
        this.moderation = moderation;
    }

    @KafkaListener(topics = Topics.REVIEW_REVIEW, groupId = GROUP)
    void onReview(IncomingEvent event) {
        if (event.event() instanceof ContentModerated moderated
                && moderated.contentKind() == ModeratedContentKind.DISCUSSION_POST) {
            moderation.decided(event, moderated);
        }
    }

    @KafkaListener(topics = Topics.IDENTITY_USER, groupId = GROUP)
    void onUser(IncomingEvent event) {
        if (event.event() instanceof UserDeactivated deactivated) {
            moderation.forget(deactivated.userId());
        }
    }
}
