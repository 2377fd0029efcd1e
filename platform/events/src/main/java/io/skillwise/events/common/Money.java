package io.skillwise.events.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money in integer minor units (cents for USD) of an ISO 4217 currency.
 *
 * <p>Integer minor units keep sums exact across services; no event ever carries a floating-point amount. Amounts in
 * events are never negative: a reversal is its own event with a positive amount.
 *
 * @param amount   minor units, zero or more
 * @param currency ISO 4217 code in upper case, e.g. {@code USD}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Money(long amount, String currency) {

    private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!ISO_4217.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, was '" + currency + "'");
        }
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative, was " + amount);
        }
    }

    public static Money of(long amount, String currency) {
        return new Money(amount, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    /** The sum of two amounts of the same currency. */
    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(Math.addExact(amount, other.amount), currency);
    }
}
