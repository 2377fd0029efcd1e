package io.skillwise.identity.session;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param revocationTtl how long an ended session's id stays on the gateway's denylist; at least the realm's access
 *                      token lifetime (300 s), after which every token of the session has expired anyway
 */
@ConfigurationProperties("skillwise.identity.session")
public record SessionProperties(Duration revocationTtl) {
}
