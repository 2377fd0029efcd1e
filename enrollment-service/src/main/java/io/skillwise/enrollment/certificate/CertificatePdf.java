package io.skillwise.enrollment.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a certificate as one landscape A4 page in Helvetica, a standard PDF font (nothing to embed or load), and
 * the one whose stand-in when rasterised for the PNG (PDFBox's Liberation Sans) has the same metrics. Every text
 * is placed in a box of its own on the page, never in the document's flow, so nothing can spill onto a second page:
 * a text too long for its box is set smaller, wrapped, and at the smallest size cut short with an ellipsis.
 */
final class CertificatePdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Color ACCENT = new Color(0x1F, 0x4E, 0x79);
    /** A4 landscape as a landscape media box: A4.rotate() would be a portrait box with /Rotate 90 */
    private static final Rectangle PAGE = new Rectangle(PageSize.A4.getHeight(), PageSize.A4.getWidth());
    private static final float LEFT = 70;
    private static final float RIGHT = PAGE.getWidth() - 70;
    private static final float QR_SIZE = 110;
    private static final float QR_LEFT = PAGE.getWidth() - 60 - QR_SIZE;
    private static final float QR_BOTTOM = 50;

    private CertificatePdf() {
    }

    static byte[] render(Certificate certificate, String verificationUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PAGE);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle("Certificate of completion - " + certificate.courseTitle());
        document.addAuthor("SkillWise");
        document.open();
        PdfContentByte canvas = writer.getDirectContent();
        frame(canvas);
        Text text = new Text(canvas);
        text.fit("SKILLWISE", Font.HELVETICA, Font.BOLD, ACCENT, 16, 16, LEFT, 515, RIGHT, 545);
        text.fit("Certificate of Completion", Font.HELVETICA, Font.BOLD, null, 36, 36, LEFT, 465, RIGHT, 512);
        text.fit("This certifies that", Font.HELVETICA, Font.NORMAL, null, 14, 14, LEFT, 440, RIGHT, 462);
        text.fit(certificate.learnerName(), Font.HELVETICA, Font.BOLDITALIC, ACCENT, 30, 14, LEFT, 372, RIGHT, 438);
        text.fit("has completed the course", Font.HELVETICA, Font.NORMAL, null, 14, 14, LEFT, 347, RIGHT, 369);
        text.fit(certificate.courseTitle(), Font.HELVETICA, Font.BOLD, null, 24, 11, LEFT, 278, RIGHT, 345);
        certificate.instructor().ifPresent(instructor ->
                text.fit("taught by " + instructor, Font.HELVETICA, Font.NORMAL, null, 13, 9, LEFT, 253, RIGHT, 276));
        String completed = "Completed on " + DATE.format(certificate.issuedAt())
                + certificate.length().map(length -> "   \u00B7   Course length: " + hoursAndMinutes(length))
                .orElse("");
        text.fit(completed, Font.HELVETICA, Font.NORMAL, null, 12, 9, LEFT, 228, RIGHT, 250);
        float codeRight = QR_LEFT - 20;
        text.fit("Verification code: " + certificate.code(), Font.HELVETICA, Font.BOLD, null, 13, 13, 60, 120,
                codeRight, 140, Element.ALIGN_LEFT);
        text.fit("Scan the code or open " + verificationUrl + " to check this certificate.", Font.HELVETICA,
                Font.NORMAL, null, 10, 7, 60, QR_BOTTOM, codeRight, 115, Element.ALIGN_LEFT);
        qrCode(canvas, verificationUrl);
        document.close();
        return out.toByteArray();
    }

    static String hoursAndMinutes(Duration length) {
        long minutes = Math.max(1, Math.round(length.toSeconds() / 60.0));
        long hours = minutes / 60;
        if (hours == 0) {
            return minutes + " min";
        }
        return minutes % 60 == 0 ? hours + " h" : hours + " h " + minutes % 60 + " min";
    }

    private static void frame(PdfContentByte canvas) {
        canvas.saveState();
        canvas.setColorStroke(ACCENT);
        canvas.setLineWidth(3);
        canvas.rectangle(20, 20, PAGE.getWidth() - 40, PAGE.getHeight() - 40);
        canvas.stroke();
        canvas.setLineWidth(0.75f);
        canvas.rectangle(28, 28, PAGE.getWidth() - 56, PAGE.getHeight() - 56);
        canvas.stroke();
        canvas.restoreState();
    }

    /** The QR code as filled squares (sharp at any zoom and print size), one run of dark modules at a time. */
    private static void qrCode(PdfContentByte canvas, String content) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalStateException("verification URL too long for a QR code: " + content.length()
                    + " characters", e);
        }
        float module = QR_SIZE / matrix.getWidth();
        canvas.saveState();
        canvas.setColorFill(Color.BLACK);
        for (int row = 0; row < matrix.getHeight(); row++) {
            float y = QR_BOTTOM + (matrix.getHeight() - 1 - row) * module;
            int column = 0;
            while (column < matrix.getWidth()) {
                if (!matrix.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < matrix.getWidth() && matrix.get(column, row)) {
                    column++;
                }
                canvas.rectangle(QR_LEFT + start * module, y, (column - start) * module, module);
            }
        }
        canvas.fill();
        canvas.restoreState();
    }

    /** Places texts in boxes, each at the largest size from its range at which it fits. */
    private record Text(PdfContentByte canvas) {

        private static final String ELLIPSIS = "\u2026";

        void fit(String text, int family, int style, Color color, float largest, float smallest,
                 float left, float bottom, float right, float top) {
            fit(text, family, style, color, largest, smallest, left, bottom, right, top, Element.ALIGN_CENTER);
        }

        void fit(String text, int family, int style, Color color, float largest, float smallest,
                 float left, float bottom, float right, float top, int alignment) {
            for (float size = largest; size >= smallest; size--) {
                Font font = new Font(family, size, style, color);
                float height = height(text, font, left, bottom, right, top, alignment);
                if (height >= 0) {
                    // centred vertically in its box, so a short name does not leave a gap below it
                    float shift = alignment == Element.ALIGN_CENTER ? (top - bottom - height) / 2 : 0;
                    column(text, font, left, bottom, right, top - shift, alignment).go(false);
                    return;
                }
            }
            Font font = new Font(family, smallest, style, color);
            column(cut(text, font, left, bottom, right, top, alignment), font, left, bottom, right, top, alignment)
                    .go(false);
        }

        /** The longest beginning of the text that fits with an ellipsis (binary search: texts may be long). */
        private String cut(String text, Font font, float left, float bottom, float right, float top, int alignment) {
            int fits = 0;
            int tooLong = text.length();
            while (tooLong - fits > 1) {
                int middle = (fits + tooLong) / 2;
                if (height(text.substring(0, middle).strip() + ELLIPSIS, font, left, bottom, right, top, alignment)
                        >= 0) {
                    fits = middle;
                } else {
                    tooLong = middle;
                }
            }
            return text.substring(0, fits).strip() + ELLIPSIS;
        }

        /** The height the text takes in the box, or -1 when it does not fit. */
        private float height(String text, Font font, float left, float bottom, float right, float top,
                             int alignment) {
            ColumnText column = column(text, font, left, bottom, right, top, alignment);
            if (ColumnText.hasMoreText(column.go(true))) {
                return -1;
            }
            return top - column.getYLine() + font.getSize() * 0.25f;
        }

        private ColumnText column(String text, Font font, float left, float bottom, float right, float top,
                                  int alignment) {
            ColumnText column = new ColumnText(canvas);
            column.setSimpleColumn(new Phrase(text, font), left, bottom, right, top, font.getSize() * 1.15f,
                    alignment);
            return column;
        }
    }
}
