package io.skillwise.notification.reminder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Reminders for the business dashboard: {@code skillwise.notification.reminders.due}, those whose time has come
 * that no instance has fired yet (it grows when firing falls behind), and {@code skillwise.notification.reminders.sent},
 * the reminders fired.
 */
@Component
class ReminderMetrics {

    static final String DUE = "skillwise.notification.reminders.due";
    static final String SENT = "skillwise.notification.reminders.sent";

    private final Counter sent;

    ReminderMetrics(MeterRegistry registry, ReminderRepository reminders, Clock clock) {
        Gauge.builder(DUE, () -> reminders.countDue(clock.instant()))
                .description("Reminders whose time has come that no instance has fired yet")
                .register(registry);
        this.sent = Counter.builder(SENT)
                .description("Reminders fired (each to everyone it still applies to)")
                .register(registry);
    }

    void sent() {
        sent.increment();
    }
}
