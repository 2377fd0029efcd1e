package io.skillwise.promotion.sale;

import io.skillwise.kit.web.MoneyRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

public final class SaleRequests {

    private SaleRequests() {
    }

    /** A sale: the course's price during {@code [startsAt, endsAt)}. */
    public record CreateSaleRequest(@NotNull UUID courseId, @NotNull @Valid MoneyRequest salePrice,
                                    @NotNull Instant startsAt, @NotNull Instant endsAt) {
    }

    /** A partial change; the sale is published again under its id. */
    public record UpdateSaleRequest(@Valid MoneyRequest salePrice, Instant startsAt, Instant endsAt) {
    }
}
