package io.skillwise.enrollment.enrollment;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code skillwise.purchase.to.enrollment}: how long a buyer waited for access, from the time payment-service recorded
 * the purchase ({@code CoursePurchased}'s event time) until the enrollment committed here; what the business
 * dashboard and its alert show as purchase-to-enrollment latency. It spans the outbox, Kafka and this consumer, so
 * it grows with any of them. Buckets are published, so a p99 across every instance can be computed from them.
 */
@Component
class PurchaseToEnrollmentTimer {

    static final String NAME = "skillwise.purchase.to.enrollment";

    private final Timer timer;
    private final Clock clock;

    PurchaseToEnrollmentTimer(MeterRegistry registry, Clock clock) {
        this.timer = Timer.builder(NAME)
                .description("From a purchase's event time to the buyer's enrollment")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
        this.clock = clock;
    }

    /** The purchase recorded at {@code purchaseRecorded} has just been applied. */
    void enrolled(Instant purchaseRecorded) {
        // clocks of two hosts: a purchase "from the future" counts as immediate, not as a negative wait
        Duration waited = Duration.between(purchaseRecorded, clock.instant());
        timer.record(waited.isNegative() ? Duration.ZERO : waited);
    }
}
