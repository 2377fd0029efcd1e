package io.skillwise.identity.mfa;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTest {

    /** RFC 6238 appendix B uses the ASCII key "12345678901234567890" for SHA-1; codes are the last 6 of 8 digits. */
    private static final String RFC_SECRET = "12345678901234567890";

    @Test
    void matchesTheRfc6238TestVectors() {
        assertThat(Totp.code(RFC_SECRET, 59 / 30)).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, 1111111109L / 30)).isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, 1234567890L / 30)).isEqualTo("005924");
        assertThat(Totp.code(RFC_SECRET, 2000000000L / 30)).isEqualTo("279037");
    }

    @Test
    void acceptsOneStepOfDriftAndNothingElse() {
        Instant now = Instant.ofEpochSecond(1234567890L);
        assertThat(Totp.verify(RFC_SECRET, "005924", now)).isTrue();
        assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, 1234567890L / 30 - 1), now)).isTrue();
        assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, 1234567890L / 30 + 1), now)).isTrue();
        assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, 1234567890L / 30 + 2), now)).isFalse();
        assertThat(Totp.verify(RFC_SECRET, "12345", now)).isFalse();
        assertThat(Totp.verify(RFC_SECRET, null, now)).isFalse();
    }

    @Test
    void base32IsWhatAuthenticatorAppsExpect() {
        assertThat(Totp.base32(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.base32("f")).isEqualTo("MY");
    }

    @Test
    void newSecretsAreAsciiAndDistinct() {
        String a = Totp.newSecret();
        assertThat(a).hasSize(20).matches("[A-Za-z0-9]+");
        assertThat(Totp.newSecret()).isNotEqualTo(a);
    }
}
