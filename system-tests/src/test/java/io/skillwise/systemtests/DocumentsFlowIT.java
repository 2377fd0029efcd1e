package io.skillwise.systemtests;

import static io.skillwise.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.skillwise.devstack.DevStack;
import io.skillwise.testsupport.ApiResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue #23 through the gateway: the learner puts a certificate name and a billing address in their profile
 * (identity-service); payment-service's invoice and enrollment-service's certificate print them, learned from
 * identity's event without a call; a refund gives a credit note that takes the invoice back.
 */
class DocumentsFlowIT {

    private static final long PRICE = 4900;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String NAME = "Augusta Ada King";

    private static DevStack platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void theProfilesDocumentNameAndAddressAreOnTheInvoiceAndCertificateAndARefundGivesACreditNote()
            throws IOException {
        PlatformUsers.Session buyer = PlatformUsers.verifiedStudent(platform);
        JsonNode profile = buyer.client().patch("/profile", Map.of("certificateName", NAME,
                "billingAddress", Map.of("line1", "12 St James's Square", "postalCode", "SW1Y 4JH",
                        "city", "London", "country", "GB"))).assertStatus(200).body();
        assertThat(profile.path("certificateName").asString()).isEqualTo(NAME);
        buyer.client().patch("/profile", Map.of("billingAddress", Map.of("city", "London", "country", "Narnia")))
                .assertProblem(400);

        // publishing a course takes long enough for identity's event to reach payment and enrollment first
        PlatformUsers.Session instructor = PlatformUsers.instructor(platform);
        UUID courseId = PublishedCourses.paid(platform, instructor, PublishedCourses.category(platform),
                "Documents flow course", PRICE);
        String orderId = LocalCheckout.buy(buyer, courseId);

        JsonNode order = buyer.client().get("/payments/history").assertStatus(200).items().getFirst();
        String invoiceId = order.path("invoiceId").asString();
        JsonNode invoice = buyer.client().withHeader("Accept", "application/json")
                .get("/payments/invoices/" + invoiceId).assertStatus(200).body();
        assertThat(invoice.path("buyer").path("name").asString()).isEqualTo(NAME);
        assertThat(invoice.path("buyer").path("address").asString())
                .isEqualTo("12 St James's Square, SW1Y 4JH London, United Kingdom");
        assertThat(invoice.path("paymentMethod").asString()).isEqualTo("Visa \u2022\u2022\u2022\u2022 4242");
        assertThat(pdfText(buyer, "/payments/invoices/" + invoiceId)).contains(NAME, "12 St James's Square",
                "SW1Y 4JH London", "Paid with Visa");

        JsonNode progress = Learning.completeFirstLesson(buyer, courseId);
        String enrollmentId = progress.path("enrollmentId").asString();
        assertThat(pdfText(buyer, "/enrollments/" + enrollmentId + "/certificate"))
                .as("the certificate carries the chosen name").contains(NAME);

        PlatformUsers.admin(platform).client().post("/payments/" + orderId + "/refund",
                Map.of("reason", "system test")).assertStatus(202);
        JsonNode note = eventually(PATIENCE,
                () -> buyer.client().get("/payments/history").assertStatus(200).items().getFirst(),
                refunded -> assertThat(refunded.path("creditNotes")).hasSize(1)).path("creditNotes").get(0);
        assertThat(note.path("total").path("amount").asLong()).isEqualTo(-PRICE);
        String noteId = note.path("id").asString();
        assertThat(pdfText(buyer, "/payments/credit-notes/" + noteId)).contains(
                "Credit note " + note.path("number").asString(), "Corrects invoice " + invoice.path("number").asString(),
                NAME, "Total: -49.00 USD");
        PlatformUsers.verifiedStudent(platform).client().withHeader("Accept", "application/json")
                .get("/payments/credit-notes/" + noteId).assertProblem(403);
    }

    /** The document as its holder downloads it, read back with PDFBox: one page, its text. */
    private static String pdfText(PlatformUsers.Session holder, String path) throws IOException {
        ApiResponse response = holder.client().withHeader("Accept", "application/pdf").get(path).assertStatus(200);
        try (PDDocument pdf = Loader.loadPDF(response.raw())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            return new PDFTextStripper().getText(pdf);
        }
    }
}
