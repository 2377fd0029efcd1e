package io.skillwise.notification.announcement;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code skillwise.notification.announcement.*}: the fan-out of announcements to their learners.
 *
 * @param pollInterval how often the fan-out looks for announcements nobody woke it for (posted on another instance, or
 *                     left by an instance that died while telling its learners)
 * @param lease        how long one fan-out owns an announcement; longer than telling 10,000 learners takes
 * @param maxPause     the longest pause between rounds while the database is away
 */
@ConfigurationProperties("skillwise.notification.announcement")
record AnnouncementProperties(Duration pollInterval, Duration lease, Duration maxPause) {
}
