package io.skillwise.payment.invoice;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;

/** Renders a credit note as a one-page PDF laid out like the invoice it corrects, its amounts negative. */
final class CreditNotePdf {

    private CreditNotePdf() {
    }

    static byte[] render(CreditNoteView note) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Credit note " + note.number());
            document.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
            Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
            Font normal = FontFactory.getFont(FontFactory.HELVETICA, 10);
            document.add(new Paragraph("Credit note " + note.number(), title));
            document.add(new Paragraph("Issued " + InvoicePdf.DATE.format(note.issuedAt()) + "   Corrects invoice "
                    + note.invoiceNumber() + "   Order " + note.orderId(), normal));
            document.add(new Paragraph(" "));
            document.add(InvoicePdf.parties(note.seller(), note.buyer(), bold, normal));
            document.add(new Paragraph(" "));
            PdfPTable table = new PdfPTable(new float[] {7, 2});
            table.setWidthPercentage(100);
            table.addCell(new PdfPCell(new Phrase("Description", bold)));
            table.addCell(new PdfPCell(new Phrase("Amount", bold)));
            for (CreditNoteView.Line line : note.lines()) {
                table.addCell(new Phrase("Refund: " + line.description(), normal));
                table.addCell(InvoicePdf.right(InvoicePdf.format(line.amount()), normal));
            }
            document.add(table);
            document.add(new Paragraph(" "));
            document.add(InvoicePdf.total("Total", InvoicePdf.format(note.total()), bold));
            if (note.reason() != null && !note.reason().isBlank()) {
                document.add(new Paragraph("Reason: " + note.reason(), normal));
            }
            document.add(new Paragraph(" "));
            document.add(new Paragraph("The amount is refunded to the payment method of invoice "
                    + note.invoiceNumber() + ". " + note.taxNote(), normal));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("credit note " + note.number() + " could not be rendered", e);
        }
        return out.toByteArray();
    }
}
