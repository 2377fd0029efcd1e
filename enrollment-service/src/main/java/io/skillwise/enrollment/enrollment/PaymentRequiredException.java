package io.skillwise.enrollment.enrollment;

import io.skillwise.kit.web.ApiException;
import org.springframework.http.HttpStatus;

import java.util.UUID;

/** A paid course was asked to be enrolled for free; the answer points the client at the checkout. */
public class PaymentRequiredException extends ApiException {

    public static final String CHECKOUT_PATH = "/api/v1/payments/create";

    private final UUID courseId;

    public PaymentRequiredException(UUID courseId) {
        super(HttpStatus.PAYMENT_REQUIRED, "payment-required",
                "Course " + courseId + " is not free: buy it through POST " + CHECKOUT_PATH + " with {\"courseId\"}.");
        this.courseId = courseId;
    }

    public UUID courseId() {
        return courseId;
    }
}
