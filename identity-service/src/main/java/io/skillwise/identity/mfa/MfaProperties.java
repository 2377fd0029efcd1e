package io.skillwise.identity.mfa;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param issuer        the account label authenticator apps show ("SkillWise")
 * @param enrolmentTtl  how long a started enrolment waits for its confirming code
 */
@ConfigurationProperties("skillwise.identity.mfa")
public record MfaProperties(String issuer, Duration enrolmentTtl) {
}
