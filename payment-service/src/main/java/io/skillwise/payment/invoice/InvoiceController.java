package io.skillwise.payment.invoice;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.OwnedObject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Invoices", description = "Invoices of orders and subscription periods and the credit notes of refunds, "
        + "as JSON or PDF")
@RestController
class InvoiceController {

    private final InvoiceService invoices;

    InvoiceController(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @Operation(summary = "Read an invoice",
            description = "The invoice of a paid order or subscription period as JSON (Accept: application/json), "
                    + "with seller, buyer (the name and billing address of their profile when it was issued), "
                    + "lines, discounts, taxes, the payment method (e.g. `Visa •••• 4242`) and the credit notes of "
                    + "refunds since. For its buyer or an admin. Changes nothing.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such invoice")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the invoice is another user's")
    @OwnedObject("the buyer or subscriber, or an admin")
    @GetMapping(path = "/api/v1/payments/invoices/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    InvoiceView json(@PathVariable UUID id) {
        return invoices.view(id, CurrentUser.require());
    }

    @Operation(summary = "Download an invoice as PDF",
            description = "The same invoice rendered as PDF (Accept: application/pdf). For its buyer or an admin. "
                    + "Changes nothing.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such invoice")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the invoice is another user's")
    @OwnedObject("the buyer or subscriber, or an admin")
    @GetMapping(path = "/api/v1/payments/invoices/{id}", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        InvoiceView view = invoices.view(id, CurrentUser.require());
        return pdf("invoice-" + view.number() + ".pdf", invoices.pdf(view));
    }

    @Operation(summary = "Read a credit note",
            description = "The credit note of a confirmed refund as JSON (Accept: application/json): numbered in "
                    + "its own series, it names the invoice it corrects, the seller and buyer as on that invoice, "
                    + "and what was refunded per course as negative amounts adding up to `total`. For the buyer "
                    + "of the order or an admin. Changes nothing.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such credit note")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the credit note is another user's")
    @OwnedObject("the order's buyer, or an admin")
    @GetMapping(path = "/api/v1/payments/credit-notes/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    CreditNoteView creditNoteJson(@PathVariable UUID id) {
        return invoices.creditNote(id, CurrentUser.require());
    }

    @Operation(summary = "Download a credit note as PDF",
            description = "The same credit note rendered as PDF (Accept: application/pdf). For the buyer of the "
                    + "order or an admin. Changes nothing.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such credit note")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the credit note is another user's")
    @OwnedObject("the order's buyer, or an admin")
    @GetMapping(path = "/api/v1/payments/credit-notes/{id}", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> creditNotePdf(@PathVariable UUID id) {
        CreditNoteView view = invoices.creditNote(id, CurrentUser.require());
        return pdf("credit-note-" + view.number() + ".pdf", invoices.pdf(view));
    }

    private static ResponseEntity<byte[]> pdf(String filename, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"")
                .body(content);
    }
}
