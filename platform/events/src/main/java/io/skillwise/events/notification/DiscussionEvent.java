package io.skillwise.events.notification;

import io.skillwise.events.DomainEvent;
import java.util.UUID;

/** An event on {@code notification.discussion.v1}; sealed so that a consumer can switch over every case. */
public sealed interface DiscussionEvent extends DomainEvent permits DiscussionPostReported {

    /** The discussion thread; also the record key. */
    UUID threadId();

    @Override
    default String aggregateId() {
        return threadId().toString();
    }
}
