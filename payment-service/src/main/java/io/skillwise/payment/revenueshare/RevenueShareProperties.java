package io.skillwise.payment.revenueshare;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The subscription revenue share (ADR 0020).
 *
 * @param defaultLessonSeconds what a completed lesson counts when catalog gave it no duration
 * @param closeDelay           how long after a month ends it is closed, so late events still count
 * @param checkInterval        how often the closing job looks for a month to close
 * @param catchUpMonths        how many ended months back the job closes any not yet closed
 */
@ConfigurationProperties("skillwise.payment.revenue-share")
public record RevenueShareProperties(int defaultLessonSeconds, Duration closeDelay, Duration checkInterval,
                                     int catchUpMonths) {

    public RevenueShareProperties {
        if (defaultLessonSeconds < 1 || closeDelay == null || closeDelay.isNegative() || checkInterval == null
                || !checkInterval.isPositive() || catchUpMonths < 1) {
            throw new IllegalArgumentException("skillwise.payment.revenue-share needs default-lesson-seconds >= 1, "
                    + "close-delay >= 0, a positive check-interval and catch-up-months >= 1");
        }
    }
}
