package io.skillwise.payment.invoice;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.skillwise.events.common.Money;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;

/** Renders an invoice as a one-page PDF with OpenPDF's built-in Helvetica (no font files to ship). */
final class InvoicePdf {

    static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private InvoicePdf() {
    }

    static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    static final Font NORMAL = FontFactory.getFont(FontFactory.HELVETICA, 10);

    /** What a document adds below its heading and parties. */
    interface Body {
        void write(Document document) throws DocumentException;
    }

    static byte[] render(InvoiceView invoice) {
        return page("Invoice " + invoice.number(), "Issued " + DATE.format(invoice.issuedAt())
                        + (invoice.orderId() != null ? "   Order " + invoice.orderId()
                        : "   Subscription " + invoice.subscriptionId()),
                invoice.seller(), invoice.buyer(), document -> {
                    PdfPTable table = new PdfPTable(new float[] {5, 1, 2, 2, 2});
                    table.setWidthPercentage(100);
                    for (String heading : new String[] {"Description", "Qty", "Unit price", "Discount", "Amount"}) {
                        table.addCell(new PdfPCell(new Phrase(heading, BOLD)));
                    }
                    for (InvoiceView.Line line : invoice.lines()) {
                        table.addCell(new Phrase(line.description(), NORMAL));
                        table.addCell(right(String.valueOf(line.quantity()), NORMAL));
                        table.addCell(right(format(line.unitPrice()), NORMAL));
                        table.addCell(right(format(line.discount()), NORMAL));
                        table.addCell(right(format(line.amount()), NORMAL));
                    }
                    document.add(table);
                    document.add(new Paragraph(" "));
                    document.add(total("Subtotal", invoice.subtotal(), NORMAL));
                    document.add(total("Discount", invoice.discount(), NORMAL));
                    document.add(total("Tax", invoice.tax(), NORMAL));
                    document.add(total("Total", invoice.total(), BOLD));
                    if (invoice.refunded().amount() > 0) {
                        document.add(total("Refunded", invoice.refunded(), NORMAL));
                    }
                    if (invoice.paymentMethod() != null) {
                        document.add(new Paragraph("Paid with " + invoice.paymentMethod(), NORMAL));
                    }
                    for (CreditNoteView.Reference note : invoice.creditNotes()) {
                        document.add(new Paragraph("Credit note " + note.number() + " of "
                                + DATE.format(note.issuedAt()) + ": " + format(note.total()), NORMAL));
                    }
                    document.add(new Paragraph(" "));
                    document.add(new Paragraph(invoice.taxNote(), NORMAL));
                });
    }

    /**
     * One A4 page in OpenPDF's built-in Helvetica: the heading, the line under it, seller and buyer side by side,
     * then the document's own body. Shared by invoices and credit notes so both look alike.
     */
    static byte[] page(String heading, String subheading, InvoiceView.Party seller, InvoiceView.Party buyer,
                       Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(heading);
            document.open();
            document.add(new Paragraph(heading, TITLE));
            document.add(new Paragraph(subheading, NORMAL));
            document.add(new Paragraph(" "));
            document.add(parties(seller, buyer, BOLD, NORMAL));
            document.add(new Paragraph(" "));
            body.write(document);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException(heading + " could not be rendered", e);
        }
        return out.toByteArray();
    }

    /**
     * Seller and buyer side by side: who issued the document (legal name, address, tax id) and to whom (name,
     * billing address, e-mail, customer id). Shared with the credit note, which names both as its invoice did.
     */
    private static PdfPTable parties(InvoiceView.Party seller, InvoiceView.Party buyer, Font bold, Font normal) {
        PdfPTable parties = new PdfPTable(2);
        parties.setWidthPercentage(100);
        Paragraph from = party("Seller", seller, bold, normal);
        if (seller.taxId() != null && !seller.taxId().isBlank()) {
            from.add(new Phrase("\nTax ID: " + seller.taxId(), normal));
        }
        Paragraph to = party("Buyer", buyer, bold, normal);
        if (buyer.email() != null) {
            to.add(new Phrase("\n" + buyer.email(), normal));
        }
        to.add(new Phrase("\nCustomer " + buyer.id(), normal));
        for (Paragraph party : new Paragraph[] {from, to}) {
            PdfPCell cell = new PdfPCell(party);
            cell.setBorder(PdfPCell.NO_BORDER);
            parties.addCell(cell);
        }
        return parties;
    }

    private static Paragraph party(String heading, InvoiceView.Party party, Font bold, Font normal) {
        Paragraph paragraph = new Paragraph(heading, bold);
        if (party.name() != null) {
            paragraph.add(new Phrase("\n" + party.name(), normal));
        }
        // an address given on one line with commas reads as the lines of an address
        for (String line : party.address() == null ? new String[0] : party.address().split(",")) {
            paragraph.add(new Phrase("\n" + line.strip(), normal));
        }
        return paragraph;
    }

    static PdfPCell right(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    static Paragraph total(String label, Money money, Font font) {
        return total(label, format(money), font);
    }

    static Paragraph total(String label, String amount, Font font) {
        Paragraph paragraph = new Paragraph(label + ": " + amount, font);
        paragraph.setAlignment(Element.ALIGN_RIGHT);
        return paragraph;
    }

    /** Minor units shown with the currency's own number of decimals (JPY has none). */
    static String format(Money money) {
        return format(money.amount(), money.currency());
    }

    static String format(SignedMoney money) {
        return format(money.amount(), money.currency());
    }

    private static String format(long amount, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(amount, digits).toPlainString() + " " + currency;
    }
}
