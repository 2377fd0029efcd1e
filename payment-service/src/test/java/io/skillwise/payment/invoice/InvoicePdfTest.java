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
                UUID.randomUUID(), "PAID", SELLER, new InvoiceView.Party(buyer, null, null, "ada@example.com", null),
                List.of(new InvoiceView.Line(UUID.randomUUID(), "Analytical Engines", 1, usd(4999), usd(1000),
                        usd(3999))),
                usd(4999), usd(1000), usd(0), "Prices include any applicable tax.", usd(3999), usd(0), null);

        try (PDDocument document = Loader.loadPDF(InvoicePdf.render(invoice))) {
            String text = new PDFTextStripper().getText(document);

            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(text).contains("Invoice SW-2026-000042", "Issued 2026-12-04",
                    "Seller", "Example Learning GmbH", "Teststrasse 1", "10115 Berlin", "Germany",
                    "Tax ID: DE123456789",
                    "Buyer", "ada@example.com", "Customer " + buyer,
                    "Analytical Engines", "49.99 USD", "10.00 USD", "Total: 39.99 USD");
        }
    }

    private static Money usd(long cents) {
        return Money.of(cents, "USD");
    }
}
