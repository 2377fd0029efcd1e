package io.skillwise.notification.delivery;

import io.skillwise.notification.inapp.NotificationService;
import io.skillwise.notification.mail.MailService;
import io.skillwise.notification.preference.Channels;
import io.skillwise.notification.preference.PreferenceService;
import io.skillwise.notification.replica.EnrollmentReplica;
import io.skillwise.notification.replica.UserReplica;
import io.skillwise.notification.stream.LiveStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The delivery core: the one way anything in notification-service reaches people. For each batch of recipients it
 * reads their preferences and skips deleted accounts (one query each), writes the in-app notifications (one bulk
 * insert) and queues the mails (one bulk insert); then it wakes this instance's live feed and mail sender. A fan-out
 * to 10,000 learners is 20 rounds of a few round trips, never one request per learner.
 *
 * <p>Exactly once: every notification and mail has an id derived from the delivery's key and its recipient, so a
 * delivery repeated after a crash or a redelivered event writes only what is missing. Nothing needs a transaction
 * across documents (MongoDB and its stand-in have none here).
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final NotificationService notifications;
    private final MailService mails;
    private final PreferenceService preferences;
    private final UserReplica users;
    private final EnrollmentReplica enrollments;
    private final LiveStreams streams;
    private final DeliveryProperties properties;

    DeliveryService(NotificationService notifications, MailService mails, PreferenceService preferences,
                    UserReplica users, EnrollmentReplica enrollments, LiveStreams streams,
                    DeliveryProperties properties) {
        this.notifications = notifications;
        this.mails = mails;
        this.preferences = preferences;
        this.users = users;
        this.enrollments = enrollments;
        this.streams = streams;
        this.properties = properties;
    }

    /**
     * Delivers the notice to every recipient, in batches.
     *
     * @throws IllegalArgumentException when the delivery's mail template does not exist (before anything is written)
     */
    public DeliveryReport deliver(Delivery delivery) {
        if (delivery.mail() != null) {
            mails.requireTemplate(delivery.mail().template());
        }
        List<UUID> recipients = delivery.recipients();
        int inApp = 0;
        int queued = 0;
        int erased = 0;
        for (int from = 0; from < recipients.size(); from += properties.batchSize()) {
            List<UUID> batch = recipients.subList(from, Math.min(recipients.size(), from + properties.batchSize()));
            Set<UUID> gone = users.erasedAmong(batch);
            List<UUID> reachable = gone.isEmpty() ? batch : batch.stream().filter(id -> !gone.contains(id)).toList();
            erased += gone.size();
            Map<UUID, Channels> channels = preferences.channelsFor(reachable, delivery.notice().kind());
            inApp += notifications.record(delivery.key(), delivery.notice(),
                    reachable.stream().filter(id -> channels.get(id).inApp()).toList());
            if (delivery.mail() != null) {
                queued += mails.enqueue(delivery.key(), delivery.notice(), delivery.mail(),
                        reachable.stream().filter(id -> channels.get(id).email()).toList());
            }
        }
        if (inApp > 0) {
            streams.wake();
        }
        if (queued > 0) {
            mails.wake();
        }
        log.debug("delivery {} ({}): {} recipients, {} in-app, {} mails, {} erased", delivery.key(),
                delivery.notice().kind(), recipients.size(), inApp, queued, erased);
        return new DeliveryReport(recipients.size(), inApp, queued, erased);
    }

    /**
     * Forgets a deleted account: its notifications, queued and sent mail, preferences and replica rows, and marks it
     * erased so that nothing is delivered to it any more. Idempotent.
     */
    public void forget(UUID userId) {
        users.erase(userId);
        enrollments.erase(userId);
        long notes = notifications.erase(userId);
        long sent = mails.erase(userId);
        preferences.erase(userId);
        log.info("erased user {}: {} notifications, {} mails, preferences", userId, notes, sent);
    }
}
