package io.skillwise.kit.web;

import io.skillwise.events.common.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * An amount a client sends, {@code {"amount": 4999, "currency": "USD"}}: integer minor units of an ISO 4217
 * currency (docs/api-conventions.md). Validated with {@code @Valid}; {@link #toMoney()} gives the {@link Money} the
 * services and events work with.
 */
public record MoneyRequest(
        @Schema(description = "Minor units (cents)", example = "4999")
        @NotNull @PositiveOrZero @Max(MoneyRequest.MAX_AMOUNT) Long amount,
        @Schema(example = "USD") @NotNull @Size(min = 3, max = 3)
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency) {

    /**
     * The largest amount a client may send, in minor units (1,000,000.00 of a two-decimal currency): far above any
     * course, bundle or coupon, and far below where sums of many amounts could overflow.
     */
    public static final long MAX_AMOUNT = 100_000_000L;

    public Money toMoney() {
        return Money.of(amount, currency);
    }
}
