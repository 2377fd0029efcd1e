package io.skillwise.enrollment.certificate;

import java.security.SecureRandom;

/**
 * Certificate verification codes: 60 random bits in Crockford base32 (no I, L, O, U, so a code read aloud or typed
 * from paper is not misread), grouped as {@code SW-XXXX-XXXX-XXXX}. Unguessable, so a code cannot be enumerated.
 */
final class VerificationCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCodes() {
    }

    static String next() {
        StringBuilder code = new StringBuilder("SW");
        for (int i = 0; i < 12; i++) {
            if (i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    static boolean wellFormed(String code) {
        return code != null && code.matches("SW(-[0-9A-HJKMNP-TV-Z]{4}){3}");
    }
}
