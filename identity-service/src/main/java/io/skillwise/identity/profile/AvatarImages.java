package io.skillwise.identity.profile;

import io.skillwise.kit.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * Turns an upload into a safe avatar: the format is decided by the file's first bytes (never by its name or the
 * declared content type), the image is decoded and drawn afresh (which drops EXIF, GPS, comments and anything
 * appended), scaled to fit {@code maxDimension}, and written as PNG or JPEG. WebP uploads are stored as PNG: the
 * JDK has no WebP writer, and every client shows PNG.
 */
@Component
public class AvatarImages {

    /** The most pixels decoded at all: refuses decompression bombs before they are expanded in memory. */
    private static final long MAX_SOURCE_PIXELS = 40_000_000L;

    public record Encoded(byte[] content, String contentType) {
    }

    enum Format { PNG, JPEG, WEBP }

    private final AvatarProperties properties;

    public AvatarImages(AvatarProperties properties) {
        this.properties = properties;
    }

    public Encoded reencode(byte[] upload) {
        if (upload.length > properties.maxBytes()) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "too-large",
                    "The avatar must be at most " + properties.maxBytes() / (1024 * 1024) + " MB.");
        }
        Format format = sniff(upload);
        if (format == null) {
            throw unsupported();
        }
        BufferedImage source = decode(upload);
        BufferedImage scaled = fit(source, properties.maxDimension());
        String writer = format == Format.JPEG ? "jpeg" : "png";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(scaled, writer, out)) {
                throw new IllegalStateException("no ImageIO writer for " + writer);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not encode an avatar", e);
        }
        return new Encoded(out.toByteArray(), format == Format.JPEG ? "image/jpeg" : "image/png");
    }

    static Format sniff(byte[] data) {
        if (data.length >= 8 && (data[0] & 0xff) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G'
                && data[4] == 0x0d && data[5] == 0x0a && data[6] == 0x1a && data[7] == 0x0a) {
            return Format.PNG;
        }
        if (data.length >= 3 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8 && (data[2] & 0xff) == 0xff) {
            return Format.JPEG;
        }
        if (data.length >= 12 && data[0] == 'R' && data[1] == 'I' && data[2] == 'F' && data[3] == 'F'
                && data[8] == 'W' && data[9] == 'E' && data[10] == 'B' && data[11] == 'P') {
            return Format.WEBP;
        }
        return null;
    }

    private static BufferedImage decode(byte[] upload) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (input == null || !readers.hasNext()) {
                throw unsupported();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_SOURCE_PIXELS) {
                    throw new ApiException(HttpStatus.BAD_REQUEST, "unsupported-image", "The image is too large in pixels.");
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw unsupported();
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw unsupported();
        }
    }

    private static BufferedImage fit(BufferedImage source, int max) {
        double scale = Math.min(1.0, (double) max / Math.max(source.getWidth(), source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        // RGB without alpha would turn transparent PNGs black; JPEG output gets a white background below.
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return source.getColorModel().hasAlpha() ? target : withoutAlpha(target);
    }

    private static BufferedImage withoutAlpha(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static ApiException unsupported() {
        return new ApiException(HttpStatus.BAD_REQUEST, "unsupported-image", "The avatar must be a PNG, JPEG or WebP image.");
    }
}
