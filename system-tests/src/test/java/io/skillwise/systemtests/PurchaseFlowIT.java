package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #6's purchase flow on the local platform, through the gateway, with real Keycloak users: an approved
 * instructor (with the second factor publishing needs) publishes a paid course; a verified student checks out, opens
 * the local provider's checkout page and presses Pay there; the signed event reaches payment-service's webhook,
 * {@code CoursePurchased} reaches enrollment-service over Kafka, the buyer sees the enrollment, the paid order in the
 * history and can download the invoice PDF, which anyone else is refused.
 */
class PurchaseFlowIT {

    private static final long PRICE = 4900;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static DevStack platform;
    private static String api;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
        api = PlatformUsers.api(platform);
    }

    @Test
    void buyerPaysOnTheLocalCheckoutPageAndGetsTheCourseTheOrderAndTheInvoice() {
        PlatformUsers.Session instructor = PlatformUsers.instructor(platform);
        UUID courseId = PublishedCourses.paid(platform, instructor, PublishedCourses.category(platform),
                "Purchase flow course", PRICE);
        PlatformUsers.Session buyer = PlatformUsers.verifiedStudent(platform);

        String key = UUID.randomUUID().toString();
        // payment-service learns the price from catalog's event: a course published a moment ago may not be there yet
        HttpResponse<String> checkout = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(
                () -> PlatformUsers.post(api + "/payments/create", buyer.token(), Map.of("courseId", courseId),
                        Map.of("Idempotency-Key", key)),
                response -> response.statusCode() != 404);
        assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo(201);
        JsonNode order = Http.json(checkout);
        String orderId = order.path("orderId").asString();
        assertThat(order.path("status").asString()).isEqualTo("PENDING");
        assertThat(order.path("amount").path("amount").asLong()).isEqualTo(PRICE);
        String checkoutUrl = order.path("checkoutUrl").asString();
        assertThat(checkoutUrl).as("the local page is reached through the gateway")
                .startsWith(platform.gatewayUrl() + "/api/v1/payments/local-checkout/");

        // the buyer's browser: open the page (no token, as after a redirect to Stripe) and press Pay
        assertThat(LocalCheckout.pay(checkoutUrl)).contains("Purchase flow course", "49.00 USD");
        LocalCheckout.awaitEnrolled(api, buyer, courseId);

        HttpResponse<String> history = Http.get(api + "/payments/history", buyer.token());
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        JsonNode mine = Http.json(history).path("items").get(0);
        assertThat(mine.path("orderId").asString()).isEqualTo(orderId);
        assertThat(mine.path("status").asString()).isEqualTo("PAID");
        assertThat(mine.path("courseId").asString()).isEqualTo(courseId.toString());
        String invoiceId = mine.path("invoiceId").asString();
        assertThat(invoiceId).isNotBlank();

        HttpResponse<byte[]> pdf = invoice(invoiceId, buyer.token());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/pdf"));
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(invoice(invoiceId, PlatformUsers.verifiedStudent(platform).token()).statusCode())
                .as("someone else's invoice").isEqualTo(403);
        assertThat(invoice(invoiceId, instructor.token()).statusCode())
                .as("the seller of the course is not the buyer either").isEqualTo(403);

        HttpResponse<String> earnings = Http.get(api + "/instructors/earnings?courseId=" + courseId,
                instructor.token());
        assertThat(earnings.statusCode()).as(earnings.body()).isEqualTo(200);
        assertThat(Http.json(earnings).path("totals").get(0).path("gross").asLong()).isEqualTo(PRICE);
    }

    private static HttpResponse<byte[]> invoice(String invoiceId, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/payments/invoices/" + invoiceId))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/pdf")
                .GET().build();
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
