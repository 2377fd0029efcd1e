package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.testsupport.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #6's purchase flow on the local platform, through the gateway, with real Keycloak users: an approved
 * instructor (with the second factor publishing needs) publishes a paid course; a verified student checks out, opens
 * the local provider's checkout page and presses Pay there; the signed event reaches payment-service's webhook,
 * {@code CoursePurchased} reaches enrollment-service over Kafka, the buyer sees the enrollment, the paid order in the
 * history and can download the invoice PDF, which anyone else is refused.
 */
class PurchaseFlowIT {

    private static final long PRICE = 4900;

    private static DevStack platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void buyerPaysOnTheLocalCheckoutPageAndGetsTheCourseTheOrderAndTheInvoice() {
        PlatformUsers.Session instructor = PlatformUsers.instructor(platform);
        UUID courseId = PublishedCourses.paid(platform, instructor, PublishedCourses.category(platform),
                "Purchase flow course", PRICE);
        PlatformUsers.Session buyer = PlatformUsers.verifiedStudent(platform);

        JsonNode order = LocalCheckout.create(buyer, courseId);
        String orderId = order.path("orderId").asString();
        assertThat(order.path("status").asString()).isEqualTo("PENDING");
        assertThat(order.path("amount").path("amount").asLong()).isEqualTo(PRICE);
        String checkoutUrl = order.path("checkoutUrl").asString();
        assertThat(checkoutUrl).as("the local page is reached through the gateway")
                .startsWith(platform.gatewayUrl() + "/api/v1/payments/local-checkout/");

        // the buyer's browser: open the page (no token, as after a redirect to Stripe) and press Pay
        assertThat(LocalCheckout.pay(checkoutUrl)).contains("Purchase flow course", "49.00 USD");
        LocalCheckout.awaitEnrolled(buyer, courseId);

        JsonNode mine = buyer.client().get("/payments/history").assertStatus(200).items().getFirst();
        assertThat(mine.path("orderId").asString()).isEqualTo(orderId);
        assertThat(mine.path("status").asString()).isEqualTo("PAID");
        assertThat(mine.path("courseId").asString()).isEqualTo(courseId.toString());
        String invoiceId = mine.path("invoiceId").asString();
        assertThat(invoiceId).isNotBlank();

        ApiResponse pdf = invoice(invoiceId, buyer).assertStatus(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(new String(pdf.raw(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(invoice(invoiceId, PlatformUsers.verifiedStudent(platform)).status())
                .as("someone else's invoice").isEqualTo(403);
        assertThat(invoice(invoiceId, instructor).status())
                .as("the seller of the course is not the buyer either").isEqualTo(403);

        ApiResponse earnings = instructor.client().get("/instructors/earnings?courseId=" + courseId).assertStatus(200);
        assertThat(earnings.body().path("totals").get(0).path("gross").asLong()).isEqualTo(PRICE);
    }

    private static ApiResponse invoice(String invoiceId, PlatformUsers.Session user) {
        return user.client().withHeader("Accept", "application/pdf").get("/payments/invoices/" + invoiceId);
    }
}
