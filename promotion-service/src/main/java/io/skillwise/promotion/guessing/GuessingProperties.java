package io.skillwise.promotion.guessing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code skillwise.promotion.code-guessing.*}: how many codes that cannot be used a buyer, and a client address, may
 * try per window before quotes naming a code are refused with 429.
 *
 * @param perUser    failed look-ups per buyer and window
 * @param perAddress failed look-ups per client address and window (several buyers behind one address share it)
 * @param window     how long a guesser's window lasts, from its first failure; the next failure after it opens a
 *                   new one
 */
@ConfigurationProperties("skillwise.promotion.code-guessing")
public record GuessingProperties(int perUser, int perAddress, Duration window) {

    public GuessingProperties {
        if (perUser < 1 || perAddress < 1 || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("skillwise.promotion.code-guessing needs per-user and per-address "
                    + "of 1 or more and a positive window");
        }
    }
}
