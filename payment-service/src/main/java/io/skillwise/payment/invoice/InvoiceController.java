package io.skillwise.payment.invoice;

import io.skillwise.kit.security.CurrentUser;
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

@Tag(name = "Invoices", description = "Invoices of orders and subscription periods, as JSON or PDF")
@RestController
class InvoiceController {

    private final InvoiceService invoices;

    InvoiceController(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @Operation(summary = "Read an invoice",
            description = "The invoice of a paid order or subscription period as JSON (Accept: application/json), "
                    + "with seller, buyer, lines, discounts and taxes. For its buyer or an admin. Changes "
                    + "nothing.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such invoice")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the invoice is another user's")
    @GetMapping(path = "/api/v1/payments/invoices/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    InvoiceView json(@PathVariable UUID id) {
        return invoices.view(id, CurrentUser.require());
    }

    @Operation(summary = "Download an invoice as PDF",
            description = "The same invoice rendered as PDF (Accept: application/pdf). For its buyer or an admin. "
                    + "Changes nothing.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such invoice")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the invoice is another user's")
    @GetMapping(path = "/api/v1/payments/invoices/{id}", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        InvoiceView view = invoices.view(id, CurrentUser.require());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"invoice-" + view.number() + ".pdf\"")
                .body(invoices.pdf(view));
    }
}
