package io.skillwise.notification.delivery;

import io.skillwise.notification.NotificationKind;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
        return deliverAll(List.of(delivery));
    }

    /**
     * Delivers several notices of one occasion (an event that tells the learner one thing and the instructor another)
     * in the round trips of one delivery: the recipients' accounts and preferences are read together, and the
     * notifications and mails of all of them are written together, in batches of recipients.
     *
     * @return the deliveries' figures added up
     * @throws IllegalArgumentException when a delivery's mail template does not exist (before anything is written)
     */
    public DeliveryReport deliverAll(List<Delivery> deliveries) {
        List<Addressed> everyone = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            if (delivery.mail() != null) {
                mails.requireTemplate(delivery.mail().template());
            }
            delivery.recipients().forEach(recipient -> everyone.add(new Addressed(delivery, recipient)));
        }
        int inApp = 0;
        int queued = 0;
        int erased = 0;
        for (int from = 0; from < everyone.size(); from += properties.batchSize()) {
            List<Addressed> batch = everyone.subList(from, Math.min(everyone.size(), from + properties.batchSize()));
            Set<UUID> gone = users.erasedAmong(batch.stream().map(Addressed::recipient).collect(Collectors.toSet()));
            List<Addressed> reachable = batch.stream().filter(addressed -> !gone.contains(addressed.recipient()))
                    .toList();
            erased += batch.size() - reachable.size();
            if (reachable.isEmpty()) {
                continue;
            }
            Map<NotificationKind, Map<UUID, Channels>> channels = preferences.channelsFor(
                    reachable.stream().map(Addressed::recipient).collect(Collectors.toSet()),
                    reachable.stream().map(addressed -> addressed.delivery().notice().kind())
                            .collect(Collectors.toSet()));
            List<NotificationService.Addressed> notices = new ArrayList<>();
            List<MailService.Addressed> mailings = new ArrayList<>();
            for (Recipients group : byDelivery(reachable)) {
                Delivery delivery = group.delivery();
                Map<UUID, Channels> chosen = channels.get(delivery.notice().kind());
                notices.add(new NotificationService.Addressed(delivery.key(), delivery.notice(),
                        group.ids().stream().filter(id -> chosen.get(id).inApp()).toList()));
                if (delivery.mail() != null) {
                    mailings.add(new MailService.Addressed(delivery.key(), delivery.notice(), delivery.mail(),
                            group.ids().stream().filter(id -> chosen.get(id).email()).toList()));
                }
            }
            inApp += notifications.record(notices);
            queued += mails.enqueue(mailings);
        }
        if (inApp > 0) {
            streams.wake();
        }
        if (queued > 0) {
            mails.wake();
        }
        int recipients = deliveries.stream().mapToInt(delivery -> delivery.recipients().size()).sum();
        log.debug("deliveries {}: {} recipients, {} in-app, {} mails, {} erased",
                deliveries.stream().map(Delivery::key).toList(), recipients, inApp, queued, erased);
        return new DeliveryReport(recipients, inApp, queued, erased);
    }

    /** The batch's recipients delivery by delivery, in order (a delivery's recipients come one after another). */
    private static List<Recipients> byDelivery(List<Addressed> batch) {
        List<Recipients> groups = new ArrayList<>();
        for (Addressed addressed : batch) {
            if (groups.isEmpty() || groups.getLast().delivery() != addressed.delivery()) {
                groups.add(new Recipients(addressed.delivery(), new ArrayList<>()));
            }
            groups.getLast().ids().add(addressed.recipient());
        }
        return groups;
    }

    private record Recipients(Delivery delivery, List<UUID> ids) {
    }

    /** One recipient of one delivery. */
    private record Addressed(Delivery delivery, UUID recipient) {
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
