package io.skillwise.payment.refund;

import java.time.Duration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nobody asks for the automatic refund of a duplicate payment, so nobody would ask again if the provider call after
 * the webhook's commit failed: this sends such refunds again every minute until the provider takes them.
 */
@Component
@EnableScheduling
class DuplicateRefundRetry {

    private static final Duration GRACE = Duration.ofMinutes(1);

    private final RefundService refunds;

    DuplicateRefundRetry(RefundService refunds) {
        this.refunds = refunds;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    void resend() {
        refunds.resendDuplicateRefunds(GRACE);
    }
}
