package io.skillwise.notification.reminder;

import io.skillwise.notification.PollingLoop;
import io.skillwise.notification.delivery.Delivery;
import io.skillwise.notification.delivery.DeliveryReport;
import io.skillwise.notification.delivery.DeliveryService;
import io.skillwise.notification.preference.PreferenceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends reminders when they are due, on every instance: each round claims one due reminder with a lease (one atomic
 * find-and-modify, so two instances never fire the same one), finds who it still applies to, holds it back for those
 * in their quiet hours (a copy of it for each, due when their window ends) and delivers it to the others through the
 * delivery core under the key {@code reminder:<id>}. An instance that dies while firing leaves the reminder to the
 * next claim after the lease; the key makes the repeat add only what is missing, so nobody gets a reminder twice.
 */
@Component
class ReminderFiring extends PollingLoop {

    private static final Logger log = LoggerFactory.getLogger(ReminderFiring.class);

    private final ReminderRepository reminders;
    private final ReminderAudience audience;
    private final PreferenceService preferences;
    private final DeliveryService delivery;
    private final ReminderProperties properties;
    private final ReminderMetrics metrics;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();

    ReminderFiring(ReminderRepository reminders, ReminderAudience audience, PreferenceService preferences,
                   DeliveryService delivery, ReminderProperties properties, ReminderMetrics metrics, Clock clock) {
        super("reminder-firing", properties.pollInterval(), properties.maxPause(), properties.firingEnabled());
        this.reminders = reminders;
        this.audience = audience;
        this.preferences = preferences;
        this.delivery = delivery;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Fires one due reminder; true when there may be another. */
    @Override
    protected boolean round() {
        Instant now = clock.instant();
        Optional<Reminder> claimed = reminders.claim(owner, now, now.plus(properties.lease()));
        if (claimed.isEmpty()) {
            return false;
        }
        Reminder reminder = claimed.get();
        try {
            fire(reminder, now);
        } catch (RuntimeException e) {
            reminders.release(reminder, owner);
            throw e;
        }
        return true;
    }

    private void fire(Reminder reminder, Instant now) {
        List<UUID> recipients = audience.of(reminder);
        Map<UUID, Instant> quiet = preferences.quietUntil(recipients, now);
        if (reminder.parentId() != null && !quiet.isEmpty()) {
            // a held-back copy whose recipient is in quiet hours again (they moved their window): later still
            reminders.postpone(reminder, owner, quiet.values().iterator().next());
            return;
        }
        List<Reminder> held = new ArrayList<>();
        List<UUID> reachable = new ArrayList<>();
        for (UUID recipient : recipients) {
            Instant until = quiet.get(recipient);
            if (until != null) {
                held.add(reminder.heldFor(recipient.toString(), until));
            } else {
                reachable.add(recipient);
            }
        }
        reminders.insertNew(held);
        String key = "reminder:" + reminder.rootId();
        DeliveryReport report = delivery.deliver(reminder.email()
                ? Delivery.of(key, reminder.notice(), reachable)
                : Delivery.inAppOnly(key, reminder.notice(), reachable));
        reminders.markSent(reminder, owner, reachable.size(), clock.instant());
        metrics.sent();
        log.info("reminder {} ({}) sent to {} ({} in-app, {} mails), {} held back by quiet hours", reminder.id(),
                reminder.type(), report.recipients(), report.inApp(), report.mails(), held.size());
    }
}
