package io.skillwise.notification.trigger;

import io.skillwise.events.common.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** How notices write money, dates and lists of titles. */
final class Texts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Texts() {
    }

    /** {@code 49.00 USD}: minor units in the currency's own number of decimals. */
    static String money(Money money) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknownCurrency) {
            digits = 2;
        }
        return BigDecimal.valueOf(money.amount(), digits).toPlainString() + " " + money.currency();
    }

    /** {@code 3 Mar 2025} (UTC). */
    static String day(Instant instant) {
        return DAY.format(instant);
    }

    /** {@code A}, {@code A and B}, {@code A, B and C}. */
    static String list(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.getFirst();
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }
}
