package io.skillwise.promotion.quote;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ClientAddress;
import io.skillwise.promotion.quote.QuoteRequests.BuyerQuoteRequest;
import io.skillwise.promotion.quote.QuoteRequests.ServiceQuoteRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Pricing with codes and bundles (ADR 0006): for payment-service, and as a preview for the signed-in buyer. */
@Tag(name = "Quotes", description = "Prices of a checkout with sales, bundles, coupons and referral codes")
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
    @Operation(summary = "Price a checkout for payment-service",
            description = "Internal: for payment-service's client-credentials token only (role service); the "
                    + "gateway does not route /internal. The same pricing as the buyer's preview, for the buyer "
                    + "the body names; failed codes count against that buyer and the forwarded address. Changes "
                    + "nothing but those counters.")
    @ApiResponse(responseCode = "400", description = "`bad-request`: neither or both of courseId and bundleId")
    @ApiResponse(responseCode = "404", description = "`not-found`: the course or bundle is not on sale")
    @ApiResponse(responseCode = "429",
            description = "`too-many-requests`: too many codes that cannot be used were tried; see Retry-After")
    @PostMapping("/internal/promotions/quote")
    @PreAuthorize("hasRole('service')")
    QuoteView forCheckout(@Valid @RequestBody ServiceQuoteRequest request, HttpServletRequest http) {
        return quotes.quote(request.buyerId(), ClientAddress.forwarded(http), request.courseId(), request.bundleId(),
                request.couponCode(), request.referralCode());
    }

    @Operation(summary = "Price a checkout for the signed-in buyer",
            description = "The same pricing payment-service gets for a checkout (ADR 0006): list price, sale, "
                    + "bundle, one coupon, a referral code. A code that cannot be used is rejected in the "
                    + "answer, not as an error; past skillwise.promotion.code-guessing.per-user such failures "
                    + "of the buyer (or per-address from the caller's address) in the window, quotes naming a "
                    + "code are refused with 429 and Retry-After. Any signed-in user; changes nothing but those "
                    + "counters.")
    @ApiResponse(responseCode = "400",
            description = "`bad-request`: neither or both of courseId and bundleId, or an invalid body")
    @ApiResponse(responseCode = "404", description = "`not-found`: the course or bundle is not on sale")
    @ApiResponse(responseCode = "429",
            description = "`too-many-requests`: too many codes that cannot be used were tried; see Retry-After")
    @PostMapping("/api/v1/promotions/quote")
    QuoteView preview(@Valid @RequestBody BuyerQuoteRequest request, HttpServletRequest http) {
        return quotes.quote(CurrentUser.require().id(), ClientAddress.of(http), request.courseId(), request.bundleId(),
                request.couponCode(), request.referralCode());
    }
}
