package io.skillwise.payment.invoice;

import io.skillwise.events.common.Money;

/**
 * An amount on a credit note: negative, because a credit note takes back what its invoice charged. {@link Money}
 * stays non-negative everywhere else (events never carry a negative amount).
 */
public record SignedMoney(long amount, String currency) {

    static SignedMoney credit(long positiveAmount, String currency) {
        return new SignedMoney(-positiveAmount, currency);
    }
}
