package io.skillwise.identity.profile;

import io.skillwise.kit.web.ApiException;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvatarImagesTest {

    private final AvatarImages images = new AvatarImages(new AvatarProperties(2 * 1024 * 1024, 256));

    @Test
    void formatIsDecidedByTheFirstBytes() {
        assertThat(AvatarImages.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a}))
                .isEqualTo(AvatarImages.Format.PNG);
        assertThat(AvatarImages.sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0})).isEqualTo(AvatarImages.Format.JPEG);
        assertThat(AvatarImages.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes())).isEqualTo(AvatarImages.Format.WEBP);
        assertThat(AvatarImages.sniff("GIF89a".getBytes())).isNull();
        assertThat(AvatarImages.sniff("<svg/>".getBytes())).isNull();
    }

    @Test
    void truncatedImagesAreRefused() throws IOException {
        byte[] png = png(50, 50);
        byte[] truncated = java.util.Arrays.copyOf(png, 20);
        assertThatThrownBy(() -> images.reencode(truncated)).isInstanceOf(ApiException.class);
    }

    @Test
    void largeImagesAreScaledToFitKeepingTheirShape() throws IOException {
        AvatarImages.Encoded encoded = images.reencode(png(1000, 500));
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(encoded.content()));
        assertThat(encoded.contentType()).isEqualTo("image/png");
        assertThat(stored.getWidth()).isEqualTo(256);
        assertThat(stored.getHeight()).isEqualTo(128);
    }

    @Test
    void gifIsNotAnAvatarFormat() throws IOException {
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(image, "gif", gif);
        assertThatThrownBy(() -> images.reencode(gif.toByteArray())).hasMessageContaining("PNG, JPEG or WebP");
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);
        return out.toByteArray();
    }
}
