package io.skillwise.catalog.content;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Files as far as the upload check looks at them: the right first bytes, padded to a size. */
final class AssetFiles {

    private AssetFiles() {
    }

    /** A PDF (its {@code %PDF-} signature), padded with 'x'. */
    static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
        return bytes;
    }

    /** An MP4 (an {@code ftyp} box), padded with zeros. */
    static byte[] mp4(int size) {
        byte[] bytes = new byte[size];
        System.arraycopy(new byte[]{0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, 0, bytes, 0, 12);
        return bytes;
    }
}
