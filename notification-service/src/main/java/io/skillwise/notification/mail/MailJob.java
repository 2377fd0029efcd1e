package io.skillwise.notification.mail;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Map;

/**
 * One mail to one recipient in the durable queue. The id comes from the delivery's key and the recipient, so a
 * repeated delivery queues nothing twice, and it is also the mail's {@code Message-ID}. The recipient's address and
 * name are looked up when it is sent (the users replica), so a mail queued before identity's event arrived still
 * finds its way, and an erased account's mail is never sent.
 */
@Document(MailJob.COLLECTION)
record MailJob(@Id String id, String deliveryKey, String recipientId, String kind, String title, String text,
               String link, String template, Map<String, Object> model, MailStatus status, int attempts,
               Instant nextAttemptAt, String leaseOwner, Instant leaseUntil, String lastError, String to,
               Instant createdAt, Instant lastAttemptAt, Instant sentAt) {

    static final String COLLECTION = "mails";
}
