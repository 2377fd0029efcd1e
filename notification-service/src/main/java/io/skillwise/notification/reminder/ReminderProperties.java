package io.skillwise.notification.reminder;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code skillwise.notification.reminder.*}: when automated reminders go out, and how their scheduler runs.
 *
 * @param lessonLead      how long before a live or dripped lesson opens its reminder goes out
 * @param deadlineLead    how long before an assignment's or assessment's deadline its reminder goes out
 * @param inactivityAfter how long without a completed lesson before a learner is nudged (once per quiet spell)
 * @param checkoutAfter   how long after a checkout was started without being paid the buyer is reminded
 * @param pollInterval    how often each instance looks for reminders that are due
 * @param lease           how long one instance owns a reminder it fires; longer than telling 10,000 learners takes
 * @param maxPause        the longest pause between rounds while the database is away
 * @param firingEnabled   whether this instance sends reminders (every instance plans them)
 */
@ConfigurationProperties("skillwise.notification.reminder")
record ReminderProperties(Duration lessonLead, Duration deadlineLead, Duration inactivityAfter,
                          Duration checkoutAfter, Duration pollInterval, Duration lease, Duration maxPause,
                          boolean firingEnabled) {
}
