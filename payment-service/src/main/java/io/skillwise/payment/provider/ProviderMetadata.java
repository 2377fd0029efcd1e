package io.skillwise.payment.provider;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Our ids as they come back from the provider: in the metadata we set on its objects ({@code orderId},
 * {@code refundId}, {@code subscriptionId}) or in {@code client_reference_id}. Anything that is not one of our
 * UUIDs (someone else's metadata, a session made in the dashboard) is simply absent.
 */
public final class ProviderMetadata {

    private ProviderMetadata() {
    }

    public static Optional<UUID> uuid(Map<String, String> metadata, String key) {
        return metadata == null ? Optional.empty() : uuid(metadata.get(key));
    }

    public static Optional<UUID> uuid(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
