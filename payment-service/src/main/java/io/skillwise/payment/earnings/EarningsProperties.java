package io.skillwise.payment.earnings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param platformFeeBasisPoints the platform's share of every paid line, in 1/100 % (3000 = 30 %) */
@ConfigurationProperties("skillwise.payment.earnings")
public record EarningsProperties(int platformFeeBasisPoints) {
}
