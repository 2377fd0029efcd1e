package io.skillwise.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skillwise.devstack.DevStack;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Stripe's delayed payment methods (SEPA debit, bank transfer, vouchers) across the platform, through the gateway:
 * the checkout completes unpaid and the buyer is not enrolled; the money arriving enrolls them; a debit that fails
 * enrolls nobody. The events are signed as Stripe signs them, with the local stack's endpoint secret.
 */
class DelayedPaymentFlowIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static DevStack platform;
    private static String api;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
        api = PlatformUsers.api(platform);
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

        LocalCheckout.awaitEnrolled(api, buyer, debitArrives);
        HttpResponse<String> enrollments = Http.get(api + "/enrollments?size=100", buyer.token());
        assertThat(Http.json(enrollments).path("items").findValuesAsString("courseId"))
                .as("the failed debit sold nothing").doesNotContain(debitFails.toString());
        assertThat(historyStatus(buyer, arriving)).isEqualTo("PAID");
        assertThat(historyStatus(buyer, failing)).isEqualTo("DELAYED_PAYMENT_FAILED");
    }

    private static UUID checkout(PlatformUsers.Session buyer, UUID courseId) {
        String key = UUID.randomUUID().toString();
        // payment-service learns the price from catalog's event: a course published a moment ago may not be there yet
        HttpResponse<String> checkout = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(
                () -> PlatformUsers.post(api + "/payments/create", buyer.token(), Map.of("courseId", courseId),
                        Map.of("Idempotency-Key", key)),
                response -> response.statusCode() != 404);
        assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo(201);
        return UUID.fromString(Http.json(checkout).path("orderId").asString());
    }

    private static String deliver(String type, UUID orderId, long amount, String paymentStatus) {
        String payload = SignedWebhooks.event(type,
                SignedWebhooks.checkoutSession(orderId, amount, "USD", paymentStatus));
        HttpResponse<String> answer = SignedWebhooks.deliver(api, payload);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Http.json(answer).path("result").asString();
    }

    private static String historyStatus(PlatformUsers.Session buyer, UUID orderId) {
        HttpResponse<String> history = Http.get(api + "/payments/history?size=100", buyer.token());
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        for (JsonNode order : Http.json(history).path("items")) {
            if (order.path("orderId").asString().equals(orderId.toString())) {
                return order.path("status").asString();
            }
        }
        throw new AssertionError("order " + orderId + " is not in the buyer's history: " + history.body());
    }
}
