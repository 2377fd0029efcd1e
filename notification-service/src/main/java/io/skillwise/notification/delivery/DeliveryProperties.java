package io.skillwise.notification.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code skillwise.notification.delivery.*}
 *
 * @param batchSize recipients handled per round trip: one preferences query, one bulk insert of notifications, one
 *                  of mails
 */
@ConfigurationProperties("skillwise.notification.delivery")
public record DeliveryProperties(int batchSize) {

    public DeliveryProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("skillwise.notification.delivery.batch-size must be at least 1");
        }
    }
}
