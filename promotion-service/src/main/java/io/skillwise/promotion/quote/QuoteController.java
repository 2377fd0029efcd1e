package io.skillwise.promotion.quote;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ClientAddress;
import io.skillwise.promotion.quote.QuoteRequests.BuyerQuoteRequest;
import io.skillwise.promotion.quote.QuoteRequests.ServiceQuoteRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Pricing with codes and bundles (ADR 0006): for payment-service, and as a preview for the signed-in buyer. */
@RestController
class QuoteController {

    private final QuoteService quotes;

    QuoteController(QuoteService quotes) {
        this.quotes = quotes;
    }

    /**
     * Machine clients only; the gateway never routes {@code /internal/**}, and user tokens get 403 here too. The
     * buyer's address comes from payment-service, which passes on the gateway's {@link ClientAddress#HEADER}.
     */
    @PostMapping("/internal/promotions/quote")
    @PreAuthorize("hasRole('service')")
    QuoteView forCheckout(@Valid @RequestBody ServiceQuoteRequest request, HttpServletRequest http) {
        return quotes.quote(request.buyerId(), ClientAddress.forwarded(http), request.courseId(), request.bundleId(),
                request.couponCode(), request.referralCode());
    }

    @Operation(summary = "Price a checkout for the signed-in buyer",
            description = "The same pricing payment-service gets for a checkout (ADR 0006): list price, sale, bundle, "
                    + "one coupon, a referral code. A code that cannot be used is rejected in the answer; past "
                    + "skillwise.promotion.code-guessing.per-user such failures of the buyer (or per-address from the "
                    + "caller's address) in the window, quotes naming a code are refused with 429 and Retry-After.")
    @ApiResponse(responseCode = "200", description = "The priced checkout")
    @ApiResponse(responseCode = "400", description = "Neither or both of courseId and bundleId, or an invalid body")
    @ApiResponse(responseCode = "404", description = "The course or bundle is not on sale")
    @ApiResponse(responseCode = "429", description = "Too many codes that cannot be used were tried; see Retry-After")
    @PostMapping("/api/v1/promotions/quote")
    QuoteView preview(@Valid @RequestBody BuyerQuoteRequest request, HttpServletRequest http) {
        return quotes.quote(CurrentUser.require().id(), ClientAddress.of(http), request.courseId(), request.bundleId(),
                request.couponCode(), request.referralCode());
    }
}
