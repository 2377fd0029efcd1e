package io.skillwise.payment.refund;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param window             how long after payment a buyer may ask for a refund on their own (admins have no limit)
 * @param maxProgressPercent the most of a course (lessons completed, in percent) a buyer may have taken and still
 *                           ask for a refund on their own; for a bundle, the most of any of its courses
 */
@ConfigurationProperties("skillwise.payment.refunds")
public record RefundProperties(Duration window, int maxProgressPercent) {
}
