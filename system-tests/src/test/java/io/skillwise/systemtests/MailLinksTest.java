package io.skillwise.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailLinksTest {

    private static final String VERIFICATION_MAIL = """
            Hello Ada,

            please confirm your email address by opening this link:

            http://127.0.0.1:9080/verify-email?token=abc.DEF_1-2%7E%2B

            The link works once and expires in 24 hours. If you did not sign up for SkillWise, ignore this mail.
            """;

    @Test
    void theTokenOfTheVerificationLinkIsReadDecoded() {
        assertThat(MailLinks.queryParameter(VERIFICATION_MAIL, "/verify-email", "token")).contains("abc.DEF_1-2~+");
    }

    @Test
    void aMailWithoutSuchALinkHasNoToken() {
        assertThat(MailLinks.queryParameter(VERIFICATION_MAIL, "/reset-password", "token")).isEmpty();
        assertThat(MailLinks.queryParameter("Open https://example.test/verify-email to go on.", "/verify-email",
                "token")).isEmpty();
    }
}
