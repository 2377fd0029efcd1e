package io.skillwise.promotion;

import io.skillwise.events.common.Money;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** An amount a client sends: minor units of an ISO 4217 currency (API.md). */
public record MoneyRequest(
        @NotNull @PositiveOrZero Long amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency) {

    public Money toMoney() {
        return Money.of(amount, currency);
    }
}
