package io.skillwise.enrollment.certificate;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Renders a certificate as a one-page PDF with the standard PDF fonts (nothing to embed or load). */
final class CertificatePdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Color ACCENT = new Color(0x1F, 0x4E, 0x79);

    private CertificatePdf() {
    }

    static byte[] render(Certificate certificate, String verificationUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 60, 60, 80, 60);
        PdfWriter.getInstance(document, out);
        document.addTitle("Certificate of completion - " + certificate.courseTitle());
        document.addAuthor("SkillWise");
        document.open();
        document.add(centered("SkillWise", new Font(Font.HELVETICA, 16, Font.BOLD, ACCENT), 0));
        document.add(centered("Certificate of Completion", new Font(Font.TIMES_ROMAN, 36, Font.BOLD), 30));
        document.add(centered("This certifies that", new Font(Font.HELVETICA, 14), 30));
        document.add(centered(certificate.learnerName(), new Font(Font.TIMES_ROMAN, 30, Font.BOLDITALIC, ACCENT), 12));
        document.add(centered("has completed the course", new Font(Font.HELVETICA, 14), 20));
        document.add(centered(certificate.courseTitle(), new Font(Font.TIMES_ROMAN, 24, Font.BOLD), 12));
        if (certificate.instructorName() != null) {
            document.add(centered("taught by " + certificate.instructorName(), new Font(Font.HELVETICA, 13), 10));
        }
        document.add(centered("Completed on " + DATE.format(certificate.issuedAt()), new Font(Font.HELVETICA, 12), 20));
        document.add(centered("Verification code: " + certificate.code(), new Font(Font.COURIER, 12, Font.BOLD), 30));
        document.add(centered("Verify at " + verificationUrl, new Font(Font.HELVETICA, 10), 6));
        document.close();
        return out.toByteArray();
    }

    private static Paragraph centered(String text, Font font, float spacingBefore) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingBefore(spacingBefore);
        return paragraph;
    }
}
