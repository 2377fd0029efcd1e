package io.skillwise.review.text;

import java.text.Normalizer;

/** The rules for free text people write: what counts as markup, and the one form it is stored in. */
public final class Texts {

    private Texts() {
    }

    /**
     * True when the text contains no markup and no control characters other than line breaks and tabs. Markup is
     * what an HTML parser would open a tag, comment or declaration on: {@code <} followed by a letter, {@code /},
     * {@code !} or {@code ?}. A lone {@code <} as in "3 < 5" is text.
     */
    public static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
            if (c == '<' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                if ((next < 128 && Character.isLetter(next)) || next == '/' || next == '!' || next == '?') {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The stored form: Unicode NFC (so the same words compare equal however they were typed), line breaks as
     * {@code \n}, no surrounding whitespace. Null stays null.
     */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        return composed.replace("\r\n", "\n").replace('\r', '\n').strip();
    }
}
