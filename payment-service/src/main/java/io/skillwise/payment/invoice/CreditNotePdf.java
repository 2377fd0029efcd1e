package io.skillwise.payment.invoice;

import static io.skillwise.payment.invoice.InvoicePdf.BOLD;
import static io.skillwise.payment.invoice.InvoicePdf.NORMAL;

import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/** Renders a credit note as a one-page PDF laid out like the invoice it corrects, its amounts negative. */
final class CreditNotePdf {

    private CreditNotePdf() {
    }

    static byte[] render(CreditNoteView note) {
        return InvoicePdf.page("Credit note " + note.number(), "Issued " + InvoicePdf.DATE.format(note.issuedAt())
                        + "   Corrects invoice " + note.invoiceNumber() + "   Order " + note.orderId(),
                note.seller(), note.buyer(), document -> {
                    PdfPTable table = new PdfPTable(new float[] {7, 2});
                    table.setWidthPercentage(100);
                    table.addCell(new PdfPCell(new Phrase("Description", BOLD)));
                    table.addCell(new PdfPCell(new Phrase("Amount", BOLD)));
                    for (CreditNoteView.Line line : note.lines()) {
                        table.addCell(new Phrase("Refund: " + line.description(), NORMAL));
                        table.addCell(InvoicePdf.right(InvoicePdf.format(line.amount()), NORMAL));
                    }
                    document.add(table);
                    document.add(new Paragraph(" "));
                    document.add(InvoicePdf.total("Total", InvoicePdf.format(note.total()), BOLD));
                    if (note.reason() != null && !note.reason().isBlank()) {
                        document.add(new Paragraph("Reason: " + note.reason(), NORMAL));
                    }
                    document.add(new Paragraph(" "));
                    document.add(new Paragraph("The amount is refunded to the payment method of invoice "
                            + note.invoiceNumber() + ". " + note.taxNote(), NORMAL));
                });
    }
}
