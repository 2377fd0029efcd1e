package io.skillwise.catalog.content;

import io.skillwise.kit.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Short-lived download URLs for content files, so that a video player (or an {@code <img>}, a PDF viewer) can fetch
 * an asset without sending a bearer token: {@code /api/v1/assets/{id}?expires=<epoch seconds>&signature=<HMAC>}. The
 * signature is HMAC-SHA256 over {@code <asset id>:<expires>} with {@code skillwise.catalog.content.url-signing-secret},
 * base64url without padding. Whoever holds the URL may download the file until it expires; it is only handed out to
 * callers who may read the lesson right now, and a player that gets a 403 later asks for a new one.
 */
@Component
class AssetUrlSigner {

    private static final Logger log = LoggerFactory.getLogger(AssetUrlSigner.class);
    private static final String ALGORITHM = "HmacSHA256";

    private final ContentProperties properties;
    private final Clock clock;

    AssetUrlSigner(ContentProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        if (ContentProperties.DEV_SIGNING_SECRET.equals(properties.urlSigningSecret())) {
            log.warn("Content URLs are signed with the development secret; set SKILLWISE_CATALOG_CONTENT_URL_SIGNING_SECRET "
                    + "outside the local stack.");
        }
    }

    /** A URL to the asset's bytes, valid for {@code signed-url-time-to-live} from now. */
    AssetService.SignedUrl sign(UUID assetId) {
        long expires = clock.instant().plus(properties.signedUrlTimeToLive()).getEpochSecond();
        return new AssetService.SignedUrl("/api/v1/assets/" + assetId + "?expires=" + expires + "&signature="
                + signature(assetId, expires), Instant.ofEpochSecond(expires));
    }

    /** Refuses (403) a signature that is missing, was not made by us for this asset and time, or has expired. */
    void verify(UUID assetId, Long expires, String signature) {
        if (expires == null || signature == null) {
            throw ApiException.forbidden("A signed URL needs both 'expires' and 'signature'.");
        }
        byte[] expected = signature(assetId, expires).getBytes(StandardCharsets.US_ASCII);
        // constant time, so the signature cannot be guessed byte by byte from response times
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw ApiException.forbidden("The URL's signature is not valid.");
        }
        if (clock.instant().getEpochSecond() > expires) {
            throw ApiException.forbidden("The signed URL has expired; ask for a new one.");
        }
    }

    private String signature(UUID assetId, long expires) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(properties.urlSigningSecret().getBytes(StandardCharsets.UTF_8), ALGORITHM));
            byte[] digest = mac.doFinal((assetId + ":" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
