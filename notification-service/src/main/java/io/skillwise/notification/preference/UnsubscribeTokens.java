package io.skillwise.notification.preference;

import io.skillwise.kit.web.ApiException;
import io.skillwise.notification.NotificationKind;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;

/**
 * The token of a one-click unsubscribe link: who and which kind, signed with HMAC-SHA256 so that nobody can
 * unsubscribe someone else. {@code base64url(userId:KIND) "." base64url(mac)}. It does not expire: an unsubscribe link
 * in an old mail must keep working.
 */
@Component
class UnsubscribeTokens {

    record Subject(UUID userId, NotificationKind kind) {
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    UnsubscribeTokens(PreferenceProperties properties) {
        this.key = new SecretKeySpec(properties.unsubscribeSecret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    String issue(UUID userId, NotificationKind kind) {
        byte[] payload = (userId + ":" + kind.name()).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** @throws ApiException 400 for anything that is not a token we signed */
    Subject verify(String token) {
        if (token == null) {
            throw invalid();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw invalid();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            throw invalid();
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        try {
            return new Subject(UUID.fromString(text.substring(0, colon)), NotificationKind.valueOf(text.substring(colon + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // signed by us but naming a kind this version no longer has
            throw invalid();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static ApiException invalid() {
        return ApiException.badRequest("This unsubscribe link is not valid. Manage your e-mail in your notification settings.");
    }
}
