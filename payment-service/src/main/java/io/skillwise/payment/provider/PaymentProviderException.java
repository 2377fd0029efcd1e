package io.skillwise.payment.provider;

import io.skillwise.kit.web.ApiException;
import org.springframework.http.HttpStatus;

/** The provider could not be reached or refused the call; the buyer may retry with the same Idempotency-Key. */
public class PaymentProviderException extends ApiException {

    public PaymentProviderException(String message, Throwable cause) {
        super(HttpStatus.BAD_GATEWAY, "payment-provider-unavailable", message);
        initCause(cause);
    }
}
