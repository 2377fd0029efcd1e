package io.skillwise.notification.announcement;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code skillwise.notification.fanout.backlog}: announcements not yet told to their learners. A few at a time is
 * normal; a number that keeps growing means the fan-out cannot keep up (or has stopped), and learners of those
 * courses hear nothing.
 */
@Component
class FanOutBacklog {

    static final String NAME = "skillwise.notification.fanout.backlog";

    FanOutBacklog(MeterRegistry registry, AnnouncementRepository announcements) {
        Gauge.builder(NAME, announcements::countUntold)
                .description("Announcements not yet told to their learners")
                .register(registry);
    }
}
