package io.skillwise.payment.invoice;

import io.skillwise.kit.security.CurrentUser;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InvoiceController {

    private final InvoiceService invoices;

    InvoiceController(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @GetMapping(path = "/api/v1/payments/invoices/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    InvoiceView json(@PathVariable UUID id) {
        return invoices.view(id, CurrentUser.require());
    }

    @GetMapping(path = "/api/v1/payments/invoices/{id}", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        InvoiceView view = invoices.view(id, CurrentUser.require());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"invoice-" + view.number() + ".pdf\"")
                .body(invoices.pdf(view));
    }
}
