package io.skillwise.identity.profile;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxBytes     the largest upload accepted (2 MB)
 * @param maxDimension stored avatars are scaled down to fit this many pixels in each direction
 */
@ConfigurationProperties("skillwise.identity.avatar")
public record AvatarProperties(long maxBytes, int maxDimension) {
}
