package io.skillwise.notification.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skillwise.notification.NotificationKind;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * What the mail queue did, for the business dashboard and the failed-mail alert: {@code skillwise.notification.mails}
 * counted per {@code outcome} ({@code sent}; {@code failed}: given up, now waiting for an admin) and {@code kind}, and
 * {@code skillwise.notification.mails.due}, the mails whose time has come that no sender has taken yet. Every kind's
 * counters exist from the start at zero, so a rate over them is defined before the first failure.
 */
@Component
class MailMetrics {

    static final String MAILS = "skillwise.notification.mails";
    static final String DUE = "skillwise.notification.mails.due";

    private final MeterRegistry registry;

    MailMetrics(MeterRegistry registry, MailRepository mails, Clock clock) {
        this.registry = registry;
        for (NotificationKind kind : NotificationKind.values()) {
            counter(kind.name(), "sent");
            counter(kind.name(), "failed");
        }
        Gauge.builder(DUE, () -> mails.countDue(clock.instant()))
                .description("Mails whose time has come that no sender has taken yet")
                .register(registry);
    }

    void sent(String kind) {
        counter(kind, "sent").increment();
    }

    void failed(String kind) {
        counter(kind, "failed").increment();
    }

    // registering again answers the counter registered first
    private Counter counter(String kind, String outcome) {
        return Counter.builder(MAILS)
                .description("Mails handed to the SMTP server (sent) or given up (failed)")
                .tag("kind", kind)
                .tag("outcome", outcome)
                .register(registry);
    }
}
