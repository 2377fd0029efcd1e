package io.skillwise.payment.invoice;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The seller printed on every invoice, and the invoice number prefix. */
@ConfigurationProperties("skillwise.payment.invoice")
public record InvoiceProperties(String prefix, String sellerName, String sellerAddress, String sellerTaxId) {
}
