package io.skillwise.kit.web;

import io.skillwise.events.common.Money;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * An amount a client sends, {@code {"amount": 4999, "currency": "USD"}}: integer minor units of an ISO 4217
 * currency (docs/api-conventions.md). Validated with {@code @Valid}; {@link #toMoney()} gives the {@link Money} the
 * services and events work with.
 */
public record MoneyRequest(
        @NotNull @PositiveOrZero Long amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency) {

    public Money toMoney() {
        return Money.of(amount, currency);
    }
}
