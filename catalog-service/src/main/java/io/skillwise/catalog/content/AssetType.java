package io.skillwise.catalog.content;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The content types a lesson accepts, with the bytes each file of that type starts with. A file is accepted only when
 * its declared type is listed here and its first bytes match, so a renamed executable is not served as a PDF.
 */
public enum AssetType {
    MP4("video/mp4", Kind.VIDEO),
    WEBM("video/webm", Kind.VIDEO),
    PDF("application/pdf", Kind.DOCUMENT),
    PNG("image/png", Kind.ATTACHMENT),
    JPEG("image/jpeg", Kind.ATTACHMENT),
    ZIP("application/zip", Kind.ATTACHMENT),
    TEXT("text/plain", Kind.ATTACHMENT);

    public enum Kind { VIDEO, DOCUMENT, ATTACHMENT }

    private final String contentType;
    private final Kind kind;

    AssetType(String contentType, Kind kind) {
        this.contentType = contentType;
        this.kind = kind;
    }

    public String contentType() {
        return contentType;
    }

    public Kind kind() {
        return kind;
    }

    public static Optional<AssetType> of(String declared) {
        if (declared == null) {
            return Optional.empty();
        }
        String bare = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.contentType.equals(bare)).findFirst();
    }

    /** Whether the file's first bytes are what a file of this type starts with. */
    public boolean matches(byte[] head) {
        return switch (this) {
            case MP4 -> head.length >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p';
            case WEBM -> startsWith(head, 0x1A, 0x45, 0xDF, 0xA3);
            case PDF -> startsWith(head, '%', 'P', 'D', 'F', '-');
            case PNG -> startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            case JPEG -> startsWith(head, 0xFF, 0xD8, 0xFF);
            case ZIP -> startsWith(head, 'P', 'K', 0x03, 0x04);
            case TEXT -> isText(head);
        };
    }

    private static boolean startsWith(byte[] head, int... expected) {
        if (head.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isText(byte[] head) {
        for (byte b : head) {
            int value = b & 0xFF;
            if (value == 0 || value < 0x09 || (value > 0x0D && value < 0x20 && value != 0x1B)) {
                return false;
            }
        }
        return true;
    }
}
