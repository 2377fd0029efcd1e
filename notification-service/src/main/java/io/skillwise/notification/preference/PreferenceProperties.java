package io.skillwise.notification.preference;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code skillwise.notification.preference.*}
 *
 * @param unsubscribeSecret the HMAC key that signs unsubscribe links (at least 32 characters); a secret: set it from
 *                          the environment ({@code SKILLWISE_NOTIFICATION_PREFERENCE_UNSUBSCRIBE_SECRET}) everywhere
 *                          but on a developer's machine, where the production profile refuses the committed value.
 *                          Changing it invalidates the links in mail already sent.
 */
@ConfigurationProperties("skillwise.notification.preference")
public record PreferenceProperties(String unsubscribeSecret) {

    static final int MIN_SECRET_LENGTH = 32;

    public PreferenceProperties {
        if (unsubscribeSecret == null || unsubscribeSecret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("skillwise.notification.preference.unsubscribe-secret must have at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
    }
}
