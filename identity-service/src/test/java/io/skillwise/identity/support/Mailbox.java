package io.skillwise.identity.support;

import io.skillwise.testsupport.TestInfrastructure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.skillwise.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Reads the links identity mails to a user out of the SMTP sink. */
public final class Mailbox {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    private Mailbox() {
    }

    /** The token of the {@code n}-th (from 1) mail to {@code email} whose subject contains {@code subject}. */
    public static String token(String email, String subject, int n) {
        List<Map<String, Object>> mails = eventually(Duration.ofSeconds(30), () -> mails(email, subject),
                found -> assertThat(found).as("mails to %s about '%s'", email, subject).hasSizeGreaterThanOrEqualTo(n));
        String text = String.valueOf(mails.get(n - 1).get("text"));
        Matcher matcher = TOKEN.matcher(text);
        assertThat(matcher.find()).as("a link with a token in: %s", text).isTrue();
        return matcher.group(1);
    }

    public static long count(String email, String subject) {
        return mails(email, subject).size();
    }

    private static List<Map<String, Object>> mails(String email, String subject) {
        return TestInfrastructure.shared().mailTo(email).stream()
                .filter(mail -> String.valueOf(mail.get("subject")).contains(subject)).toList();
    }
}
