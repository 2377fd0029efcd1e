package io.skillwise.payment.invoice;

import io.skillwise.events.common.Money;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoice PDF read back with PDFBox, as an accountant's software would read it. */
class InvoicePdfTest {

    private static final InvoiceView.Party SELLER = new InvoiceView.Party(null, "Example Learning GmbH",
            "Teststrasse 1, 10115 Berlin, Germany", null, "DE123456789");

    @Test
    void invoiceIsOnePageWithTheSellersLegalDetailsTheBuyerAndTheLines() throws IOException {
        UUID buyer = UUID.randomUUID();
        InvoiceView invoice = new InvoiceView(UUID.randomUUID(), "SW-2026-000042", Instant.parse("2026-12-04T10:00:00Z"),
                UUID.randomUUID(), "PARTIALLY_REFUNDED", SELLER, new InvoiceView.Party(buyer, "Augusta Ada King",
                        "Babbage & Co., 12 St James's Square, SW1Y 4JH London, United Kingdom", "ada@example.com",
                        null),
                List.of(new InvoiceView.Line(UUID.randomUUID(), "Analytical Engines", 1, usd(4999), usd(1000),
                        usd(3999))),
                usd(4999), usd(1000), usd(0), "Prices include any applicable tax.", usd(3999), usd(1000), null,
                "Visa \u2022\u2022\u2022\u2022 4242", List.of(new CreditNoteView.Reference(UUID.randomUUID(),
                        "SWCN-2026-000007", new SignedMoney(-1000, "USD"), Instant.parse("2026-12-05T09:00:00Z"))));

        try (PDDocument document = Loader.loadPDF(InvoicePdf.render(invoice))) {
            String text = new PDFTextStripper().getText(document);

            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(text).contains("Invoice SW-2026-000042", "Issued 2026-12-04",
                    "Seller", "Example Learning GmbH", "Teststrasse 1", "10115 Berlin", "Germany",
                    "Tax ID: DE123456789",
                    "Buyer", "Augusta Ada King", "Babbage & Co.", "12 St James's Square", "SW1Y 4JH London",
                    "United Kingdom", "ada@example.com", "Customer " + buyer,
                    "Analytical Engines", "49.99 USD", "10.00 USD", "Total: 39.99 USD",
                    "Paid with Visa \u2022\u2022\u2022\u2022 4242",
                    "Credit note SWCN-2026-000007 of 2026-12-05: -10.00 USD");
        }
    }

    @Test
    void creditNoteIsOnePageNamingItsInvoiceWithNegativeAmounts() throws IOException {
        UUID buyer = UUID.randomUUID();
        CreditNoteView note = new CreditNoteView(UUID.randomUUID(), "SWCN-2026-000007",
                Instant.parse("2026-12-05T09:00:00Z"), UUID.randomUUID(), "SW-2026-000042", UUID.randomUUID(),
                UUID.randomUUID(), SELLER, new InvoiceView.Party(buyer, "Augusta Ada King",
                        "12 St James's Square, SW1Y 4JH London, United Kingdom", "ada@example.com", null),
                List.of(new CreditNoteView.Line(UUID.randomUUID(), "Analytical Engines", new SignedMoney(-2500, "USD")),
                        new CreditNoteView.Line(UUID.randomUUID(), "Difference Engines", new SignedMoney(-1499, "USD"))),
                new SignedMoney(-3999, "USD"), "x".repeat(500), "Prices include any applicable tax.");

        try (PDDocument document = Loader.loadPDF(CreditNotePdf.render(note))) {
            String text = new PDFTextStripper().getText(document);

            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(text).contains("Credit note SWCN-2026-000007", "Issued 2026-12-05",
                    "Corrects invoice SW-2026-000042", "Example Learning GmbH", "Tax ID: DE123456789",
                    "Augusta Ada King", "12 St James's Square", "Customer " + buyer,
                    "Refund: Analytical Engines", "-25.00 USD", "Refund: Difference Engines", "-14.99 USD",
                    "Total: -39.99 USD");
        }
    }

    private static Money usd(long cents) {
        return Money.of(cents, "USD");
    }
}
