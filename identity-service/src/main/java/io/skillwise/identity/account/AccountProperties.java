package io.skillwise.identity.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Account life-cycle settings ({@code skillwise.identity.account.*}).
 *
 * @param appBaseUrl         where the mailed links point: the app's pages that post the token back to the API
 * @param mailFrom           sender of identity's transactional account mail
 * @param verificationTtl    how long an email verification link works
 * @param resetTtl           how long a password reset link works
 * @param instructorApproval when true, asking for the instructor role at registration creates a student with a
 *                           pending request that an admin grants (ADR 0003); when false, the role is granted at once
 */
@ConfigurationProperties("skillwise.identity.account")
public record AccountProperties(String appBaseUrl, String mailFrom, Duration verificationTtl, Duration resetTtl,
                                boolean instructorApproval) {
}
