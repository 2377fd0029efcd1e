package io.skillwise.identity.crypto;

import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * AES-GCM for personal fields and TOTP secrets kept in identity's database. A value is stored as
 * {@code [key id length][key id][12-byte nonce][ciphertext + 16-byte tag]}, so a value encrypted under an old key
 * still decrypts after rotation. The column name is bound in as associated data: a ciphertext copied into another
 * column (or another user's row, when the caller binds the user id) fails to decrypt instead of being accepted.
 */
@Component
public class FieldCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String activeKey;

    public FieldCipher(CryptoProperties properties) {
        if (properties.keys() == null || properties.keys().isEmpty()) {
            throw new IllegalStateException("skillwise.identity.crypto.keys is empty: personal data cannot be encrypted");
        }
        properties.keys().forEach((id, base64) -> {
            byte[] key = Base64.getDecoder().decode(base64.trim());
            if (key.length != 16 && key.length != 24 && key.length != 32) {
                throw new IllegalStateException("skillwise.identity.crypto.keys." + id + " is not a 128/192/256-bit AES key");
            }
            keys.put(id, new SecretKeySpec(key, "AES"));
        });
        if (!keys.containsKey(properties.activeKey())) {
            throw new IllegalStateException("skillwise.identity.crypto.active-key names no configured key");
        }
        this.activeKey = properties.activeKey();
    }

    public byte[] encrypt(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] keyId = activeKey.getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + keyId.length + NONCE_BYTES + sealed.length)
                    .put((byte) keyId.length).put(keyId).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(byte[] stored, String context) {
        ByteBuffer buffer = ByteBuffer.wrap(stored);
        byte[] keyId = new byte[buffer.get() & 0xff];
        buffer.get(keyId);
        SecretKey key = keys.get(new String(keyId, StandardCharsets.UTF_8));
        if (key == null) {
            throw new IllegalStateException("a stored value is encrypted with a key that is no longer configured");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored value could not be decrypted (wrong key or tampered)", e);
        }
    }
}
