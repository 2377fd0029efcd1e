package io.skillwise.enrollment.certificate;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** A certificate read back the way a person or a phone reads it: its pages, its text, its QR code. */
record RenderedCertificate(int pages, PDRectangle pageSize, String text, BufferedImage firstPage) {

    static RenderedCertificate ofPdf(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new RenderedCertificate(document.getNumberOfPages(), document.getPage(0).getMediaBox(),
                    new PDFTextStripper().getText(document),
                    new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage ofPng(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean landscape() {
        return pageSize.getWidth() > pageSize.getHeight();
    }

    /** The text with line breaks as spaces, so a wrapped name or title reads as one. */
    String flatText() {
        return text.replaceAll("\\s+", " ");
    }

    String qrCode() {
        return qrCode(firstPage);
    }

    /** What a phone's camera reads from the QR code in the image. */
    static String qrCode(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code found on the certificate", e);
        } catch (ReaderException e) {
            throw new AssertionError("the certificate's QR code does not decode", e);
        }
    }
}
