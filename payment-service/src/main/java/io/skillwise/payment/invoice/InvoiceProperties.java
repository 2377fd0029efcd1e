package io.skillwise.payment.invoice;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The seller printed on every invoice and credit note, and the prefixes of their two number series.
 *
 * @param creditNotePrefix credit notes are numbered like invoices in a series of their own, e.g. {@code SWCN-2026-000001}
 */
@ConfigurationProperties("skillwise.payment.invoice")
public record InvoiceProperties(String prefix, String sellerName, String sellerAddress, String sellerTaxId,
                                String creditNotePrefix) {
}
