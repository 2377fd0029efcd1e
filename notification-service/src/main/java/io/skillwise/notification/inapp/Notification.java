package io.skillwise.notification.inapp;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One in-app notification of one recipient. The id is derived from the delivery's key and the recipient, so a
 * delivery that is repeated (a redelivered event) finds its notifications already there. {@code seq} orders all
 * notifications of the service: the live streams follow it and it is the stream's event id.
 *
 * @param kind the {@link io.skillwise.notification.NotificationKind} name
 */
@Document(Notification.COLLECTION)
record Notification(@Id String id, String recipientId, long seq, String kind, String title, String text, String link,
                    boolean read, Instant readAt, Instant createdAt, String deliveryKey) {

    static final String COLLECTION = "notifications";
}
