package io.skillwise.enrollment.certificate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The certificate as a PNG for social profiles and posts: its PDF page rasterised, so the image and the document
 * never differ. 1200 pixels wide, the width social networks show a shared image at.
 */
final class CertificateImage {

    static final int WIDTH = 1200;

    private CertificateImage() {
    }

    static byte[] png(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // half a pixel over, so rounding down to whole pixels still gives WIDTH
            float scale = (WIDTH + 0.5f) / document.getPage(0).getMediaBox().getWidth();
            BufferedImage image = new PDFRenderer(document).renderImage(0, scale, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("rendering a certificate as PNG", e);
        }
    }
}
