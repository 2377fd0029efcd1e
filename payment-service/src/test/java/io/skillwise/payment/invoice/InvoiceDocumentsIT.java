package io.skillwise.payment.invoice;

import static io.skillwise.payment.support.StripeWebhooks.refundedCharge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.identity.BillingAddress;
import io.skillwise.events.identity.UserDeactivated;
import io.skillwise.events.identity.UserProfileUpdated;
import io.skillwise.payment.buyer.BuyerService;
import io.skillwise.payment.support.PaymentApiTest;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The documents a buyer files, read back as they download them: the invoice names them as their profile does, with
 * billing address and payment method, and each refund gets a credit note of its own.
 */
class InvoiceDocumentsIT extends PaymentApiTest {

    private static final String CARD = "Visa \u2022\u2022\u2022\u2022 4242";

    @Autowired
    BuyerService buyers;

    TestUser instructor = TestUser.instructor();
    TestUser buyer = TestUser.student();

    @Test
    void invoiceNamesTheBuyerWithTheirBillingAddressAndCardAndEachRefundGetsACreditNote() throws IOException {
        profile(buyer, "Augusta Ada King", new BillingAddress("Babbage & Co", "12 St James's Square", null,
                "SW1Y 4JH", "London", null, "GB"));
        CoursePublished course = courseOnSale(instructor.id(), 5000);
        UUID orderId = checkedOut(buyer, course.courseId());
        api.get("/api/v1/payments/local-checkout/" + orderId + "/pay").assertStatus(200);
        String invoiceId = history(buyer).path("invoiceId").asString();

        JsonNode invoice = api.as(buyer).withHeader("Accept", "application/json")
                .get("/api/v1/payments/invoices/" + invoiceId).assertStatus(200).body();
        assertThat(invoice.path("buyer").path("name").asString()).isEqualTo("Augusta Ada King");
        assertThat(invoice.path("buyer").path("address").asString())
                .isEqualTo("Babbage & Co, 12 St James's Square, SW1Y 4JH London, United Kingdom");
        assertThat(invoice.path("paymentMethod").asString()).isEqualTo(CARD);
        try (PDDocument pdf = pdf("/api/v1/payments/invoices/" + invoiceId)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(pdf)).contains("Augusta Ada King", "Babbage & Co",
                    "12 St James's Square", "SW1Y 4JH London", "United Kingdom", "Paid with " + CARD);
        }

        String intent = jdbc.sql("select payment_intent_id from payment_order where id = :id").param("id", orderId)
                .query(String.class).single();
        deliver("charge.refunded", refundedCharge(intent, 5000, 2000));

        List<JsonNode> notes = history(buyer).path("creditNotes").valueStream().toList();
        assertThat(notes).hasSize(1);
        String noteId = notes.getFirst().path("id").asString();
        JsonNode note = api.as(buyer).withHeader("Accept", "application/json")
                .get("/api/v1/payments/credit-notes/" + noteId).assertStatus(200).body();
        assertThat(note.path("number").asString()).matches("SWCN-\\d{4}-\\d{6}");
        assertThat(note.path("invoiceNumber").asString()).isEqualTo(invoice.path("number").asString());
        assertThat(note.path("total").path("amount").asLong()).as("the negative of the refund").isEqualTo(-2000);
        assertThat(note.path("lines").valueStream().mapToLong(line -> line.path("amount").path("amount").asLong())
                .sum()).isEqualTo(-2000);
        assertThat(note.path("buyer").path("name").asString()).isEqualTo("Augusta Ada King");
        try (PDDocument pdf = pdf("/api/v1/payments/credit-notes/" + noteId)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(pdf)).contains("Credit note " + note.path("number").asString(),
                    "Corrects invoice " + invoice.path("number").asString(), "Augusta Ada King",
                    "Refund: " + course.title(), "-20.00 USD", "Total: -20.00 USD");
        }

        deliver("charge.refunded", refundedCharge(intent, 5000, 5000));
        JsonNode refunded = api.as(TestUser.admin()).withHeader("Accept", "application/json")
                .get("/api/v1/payments/invoices/" + invoiceId).assertStatus(200).body();
        List<JsonNode> both = refunded.path("creditNotes").valueStream().toList();
        assertThat(both).extracting(n -> n.path("total").path("amount").asLong()).containsExactly(-2000L, -3000L);
        assertThat(sequence(both.get(1))).as("numbered in their own series").isEqualTo(sequence(both.get(0)) + 1);
        assertThat(refunded.path("number").asString()).as("the invoice keeps its own number").startsWith("SW-");

        TopicRecords.on(kafka).publish(new UserDeactivated(buyer.id(), TestUser.admin().id(), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(buyers.find(buyer.id())).isEmpty());
        assertThat(api.as(TestUser.admin()).withHeader("Accept", "application/json")
                .get("/api/v1/payments/invoices/" + invoiceId).assertStatus(200).body().path("buyer").path("address")
                .asString()).as("an issued invoice keeps whom it billed").startsWith("Babbage & Co");
    }

    @Test
    void creditNotesAreTheBuyersAndAdminsOnly() {
        CoursePublished course = courseOnSale(instructor.id(), 3000);
        UUID orderId = checkedOut(buyer, course.courseId());
        api.get("/api/v1/payments/local-checkout/" + orderId + "/pay").assertStatus(200);
        String intent = jdbc.sql("select payment_intent_id from payment_order where id = :id").param("id", orderId)
                .query(String.class).single();
        deliver("charge.refunded", refundedCharge(intent, 3000, 3000));
        String noteId = history(buyer).path("creditNotes").get(0).path("id").asString();

        api.as(TestUser.student()).withHeader("Accept", "application/json")
                .get("/api/v1/payments/credit-notes/" + noteId).assertProblem(403);
        api.as(TestUser.student()).withHeader("Accept", "application/pdf")
                .get("/api/v1/payments/credit-notes/" + noteId).assertStatus(403);
        api.withHeader("Accept", "application/json").get("/api/v1/payments/credit-notes/" + noteId)
                .assertStatus(401);
        api.as(TestUser.admin()).withHeader("Accept", "application/json")
                .get("/api/v1/payments/credit-notes/" + noteId).assertStatus(200);
        api.as(buyer).withHeader("Accept", "application/json")
                .get("/api/v1/payments/credit-notes/" + UUID.randomUUID()).assertProblem(404);
        api.as(buyer).withHeader("Accept", "application/json")
                .get("/api/v1/payments/credit-notes/not-an-id").assertProblem(400);
    }

    /** The buyer's latest order in their history. */
    private JsonNode history(TestUser user) {
        return api.as(user).get("/api/v1/payments/history").assertStatus(200).body().path("items").get(0);
    }

    private PDDocument pdf(String path) throws IOException {
        ApiResponse response = api.as(buyer).withHeader("Accept", "application/pdf").get(path).assertStatus(200);
        assertThat(response.contentType()).startsWith("application/pdf");
        return Loader.loadPDF(response.raw());
    }

    private void profile(TestUser user, String certificateName, BillingAddress address) {
        TopicRecords.on(kafka).publish(new UserProfileUpdated(user.id(), "Ada", null, null, List.of(),
                List.of("certificateName", "billingAddress"), user.id(), Instant.now(), certificateName, address));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(buyers.find(user.id())).hasValueSatisfying(found ->
                        assertThat(found.name()).isEqualTo(certificateName)));
    }

    private static int sequence(JsonNode note) {
        String number = note.path("number").asString();
        return Integer.parseInt(number.substring(number.lastIndexOf('-') + 1));
    }
}
