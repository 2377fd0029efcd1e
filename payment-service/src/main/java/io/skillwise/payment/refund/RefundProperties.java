package io.skillwise.payment.refund;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param window how long after payment a buyer may ask for a refund on their own (admins have no limit) */
@ConfigurationProperties("skillwise.payment.refunds")
public record RefundProperties(Duration window) {
}
