package io.skillwise.identity.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * The application keys that encrypt personal data at rest ({@code skillwise.identity.crypto.*}).
 *
 * @param activeKey the id of the key new values are encrypted with
 * @param keys      key id to Base64 AES key (16, 24 or 32 bytes). Rotation: add a new key, make it active, keep
 *                  the old ones until every row has been rewritten (each write re-encrypts with the active key)
 */
@ConfigurationProperties("skillwise.identity.crypto")
public record CryptoProperties(String activeKey, Map<String, String> keys) {
}
