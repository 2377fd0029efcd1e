package io.skillwise.identity.crypto;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTest {

    private static final String OLD_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String NEW_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void roundTripsAndNeverRepeatsACiphertext() {
        FieldCipher cipher = new FieldCipher(new CryptoProperties("k1", Map.of("k1", OLD_KEY)));
        byte[] first = cipher.encrypt("+44 20 7946 0958", "ctx");
        byte[] second = cipher.encrypt("+44 20 7946 0958", "ctx");
        assertThat(first).isNotEqualTo(second);
        assertThat(cipher.decrypt(first, "ctx")).isEqualTo("+44 20 7946 0958");
        assertThat(new String(first)).doesNotContain("7946");
    }

    @Test
    void valuesFromAnotherRowOrColumnDoNotDecrypt() {
        FieldCipher cipher = new FieldCipher(new CryptoProperties("k1", Map.of("k1", OLD_KEY)));
        byte[] sealed = cipher.encrypt("secret", "account.personal_data:alice");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "account.personal_data:bob")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tamperedValuesAreRefused() {
        FieldCipher cipher = new FieldCipher(new CryptoProperties("k1", Map.of("k1", OLD_KEY)));
        byte[] sealed = cipher.encrypt("secret", "ctx");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed, "ctx")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterRotationOldValuesStillDecryptAndNewOnesUseTheNewKey() {
        byte[] old = new FieldCipher(new CryptoProperties("k1", Map.of("k1", OLD_KEY))).encrypt("before", "ctx");
        FieldCipher rotated = new FieldCipher(new CryptoProperties("k2", Map.of("k1", OLD_KEY, "k2", NEW_KEY)));
        assertThat(rotated.decrypt(old, "ctx")).isEqualTo("before");
        byte[] fresh = rotated.encrypt("after", "ctx");
        FieldCipher withoutOldKey = new FieldCipher(new CryptoProperties("k2", Map.of("k2", NEW_KEY)));
        assertThat(withoutOldKey.decrypt(fresh, "ctx")).isEqualTo("after");
        assertThatThrownBy(() -> withoutOldKey.decrypt(old, "ctx")).hasMessageContaining("no longer configured");
    }

    @Test
    void refusesToStartWithoutAUsableKey() {
        assertThatThrownBy(() -> new FieldCipher(new CryptoProperties("k1", Map.of())))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FieldCipher(new CryptoProperties("k1", Map.of("k1", "c2hvcnQ="))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FieldCipher(new CryptoProperties("k9", Map.of("k1", OLD_KEY))))
                .isInstanceOf(IllegalStateException.class);
    }
}
