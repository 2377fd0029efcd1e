package io.skillwise.promotion.quote;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** ADR 0006 point 3: exactly one of {@code courseId} and {@code bundleId}. */
public final class QuoteRequests {

    private QuoteRequests() {
    }

    /** From payment-service (service token): the buyer is named. */
    public record ServiceQuoteRequest(@NotNull UUID buyerId, UUID courseId, UUID bundleId,
                                      @Schema(example = "SPRING25") @Size(max = 64) String couponCode,
                                      @Schema(description = "An affiliate's code, from a referral link",
                                              example = "k7Qm2xPa") @Size(max = 64) String referralCode) {
    }

    /** From the signed-in buyer: the buyer is the caller. */
    public record BuyerQuoteRequest(UUID courseId, UUID bundleId,
                                    @Schema(example = "SPRING25") @Size(max = 64) String couponCode,
                                    @Schema(description = "An affiliate's code, from a referral link",
                                            example = "k7Qm2xPa") @Size(max = 64) String referralCode) {
    }
}
