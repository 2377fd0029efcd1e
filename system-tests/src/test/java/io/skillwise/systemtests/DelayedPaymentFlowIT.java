package io.skillwise.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.skillwise.devstack.DevStack;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Stripe's delayed payment methods (SEPA debit, bank transfer, vouchers) across the platform, through the gateway:
 * the checkout completes unpaid and the order stays pending; the money arriving enrolls the buyer; a debit that
 * fails enrolls nobody. The events are signed as Stripe signs them, with the local stack's endpoint secret.
 */
class DelayedPaymentFlowIT {

    private static DevStack platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void theBuyerIsEnrolledWhenTheDelayedPaymentArrivesAndNotWhenItFails() {
        PlatformUsers.Session instructor = PlatformUsers.instructor(platform);
        String category = PublishedCourses.category(platform);
        UUID debitFails = PublishedCourses.paid(platform, instructor, category, "Delayed debit that fails", 3000);
        UUID debitArrives = PublishedCourses.paid(platform, instructor, category, "Delayed debit that arrives", 3500);
        PlatformUsers.Session buyer = PlatformUsers.verifiedStudent(platform);

        UUID failing = checkout(buyer, debitFails);
        assertThat(deliver("checkout.session.completed", failing, 3000, "unpaid")).isEqualTo("APPLIED");
        assertThat(deliver("checkout.session.async_payment_failed", failing, 3000, "unpaid")).isEqualTo("APPLIED");

        UUID arriving = checkout(buyer, debitArrives);
        assertThat(deliver("checkout.session.completed", arriving, 3500, "unpaid")).isEqualTo("APPLIED");
        assertThat(historyStatus(buyer, arriving)).as("unpaid until the money arrives").isEqualTo("PENDING");
        assertThat(deliver("checkout.session.async_payment_succeeded", arriving, 3500, "paid")).isEqualTo("APPLIED");

        LocalCheckout.awaitEnrolled(buyer, debitArrives);
        assertThat(buyer.client().get("/enrollments?size=100").assertStatus(200).items("courseId"))
                .as("the failed debit sold nothing").doesNotContain(debitFails.toString());
        assertThat(historyStatus(buyer, arriving)).isEqualTo("PAID");
        assertThat(historyStatus(buyer, failing)).isEqualTo("DELAYED_PAYMENT_FAILED");
    }

    private static UUID checkout(PlatformUsers.Session buyer, UUID courseId) {
        return UUID.fromString(LocalCheckout.create(buyer, courseId).path("orderId").asString());
    }

    private static String deliver(String type, UUID orderId, long amount, String paymentStatus) {
        String payload = SignedWebhooks.event(type,
                SignedWebhooks.checkoutSession(orderId, amount, "USD", paymentStatus));
        return SignedWebhooks.deliver(PlatformUsers.api(platform), payload).assertStatus(200).text("result");
    }

    private static String historyStatus(PlatformUsers.Session buyer, UUID orderId) {
        for (JsonNode order : buyer.client().get("/payments/history?size=100").assertStatus(200).items()) {
            if (order.path("orderId").asString().equals(orderId.toString())) {
                return order.path("status").asString();
            }
        }
        throw new AssertionError("order " + orderId + " is not in the buyer's history");
    }
}
