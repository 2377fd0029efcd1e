package io.skillwise.promotion.referral;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Learner-to-learner referrals.
 *
 * @param friendDiscountPercent what a friend's first purchase with a learner's code takes off, 1..100
 * @param referrerCredit        minor units, in the currency of the friend's order, credited to the referrer
 *                              once the friend has paid
 * @param linkBase              where a shared code points; the code is appended as {@code ?ref=CODE}
 */
@ConfigurationProperties("skillwise.promotion.referral")
public record ReferralProperties(int friendDiscountPercent, long referrerCredit, String linkBase) {

    public ReferralProperties {
        if (friendDiscountPercent < 0 || friendDiscountPercent > 100) {
            throw new IllegalArgumentException("friend-discount-percent must be 0..100");
        }
        if (referrerCredit < 0) {
            throw new IllegalArgumentException("referrer-credit must not be negative");
        }
        if (linkBase == null || linkBase.isBlank()) {
            linkBase = "http://127.0.0.1:8080";
        }
    }
}
