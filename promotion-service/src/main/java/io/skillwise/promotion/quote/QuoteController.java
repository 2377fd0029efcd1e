package io.skillwise.promotion.quote;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.promotion.quote.QuoteRequests.BuyerQuoteRequest;
import io.skillwise.promotion.quote.QuoteRequests.ServiceQuoteRequest;
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

    /** Machine clients only; the gateway never routes {@code /internal/**}, and user tokens get 403 here too. */
    @PostMapping("/internal/promotions/quote")
    @PreAuthorize("hasRole('service')")
    QuoteView forCheckout(@Valid @RequestBody ServiceQuoteRequest request) {
        return quotes.quote(request.buyerId(), request.courseId(), request.bundleId(), request.couponCode(),
                request.referralCode());
    }

    @PostMapping("/api/v1/promotions/quote")
    QuoteView preview(@Valid @RequestBody BuyerQuoteRequest request) {
        return quotes.quote(CurrentUser.require().id(), request.courseId(), request.bundleId(), request.couponCode(),
                request.referralCode());
    }
}
