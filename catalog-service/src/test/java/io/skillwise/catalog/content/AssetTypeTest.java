package io.skillwise.catalog.content;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class AssetTypeTest {

    @Test
    void declaredTypesAreReadWithoutParameters() {
        assertThat(AssetType.of("application/pdf; charset=binary")).contains(AssetType.PDF);
        assertThat(AssetType.of("VIDEO/MP4")).contains(AssetType.MP4);
        assertThat(AssetType.of("application/x-msdownload")).isEmpty();
        assertThat(AssetType.of(null)).isEmpty();
    }

    @Test
    void contentMustStartLikeItsType() {
        assertThat(AssetType.PDF.matches("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(AssetType.PDF.matches("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(AssetType.MP4.matches(new byte[]{0, 0, 0, 0x18, 'f', 't', 'y', 'p'})).isTrue();
        assertThat(AssetType.PNG.matches(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})).isTrue();
        assertThat(AssetType.JPEG.matches(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isTrue();
        assertThat(AssetType.TEXT.matches("plain notes\n".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(AssetType.TEXT.matches(new byte[]{'a', 0, 'b'})).isFalse();
    }

    @Test
    void videosAndDocumentsHaveTheirKinds() {
        assertThat(AssetType.WEBM.kind()).isEqualTo(AssetType.Kind.VIDEO);
        assertThat(AssetType.PDF.kind()).isEqualTo(AssetType.Kind.DOCUMENT);
        assertThat(AssetType.ZIP.kind()).isEqualTo(AssetType.Kind.ATTACHMENT);
    }
}
