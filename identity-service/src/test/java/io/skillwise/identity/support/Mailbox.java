package io.skillwise.identity.support;

import io.skillwise.testsupport.TestInfrastructure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/** Reads the links identity mails to a user out of the SMTP sink. */
public final class Mailbox {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    private Mailbox() {
    }

    /** The token of the {@code n}-th (from 1) mail to {@code email} whose subject contains {@code subject}. */
    public static String token(String email, String subject, int n) {
        AtomicReference<String> token = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> mails = TestInfrastructure.shared().mailTo(email).stream()
                    .filter(mail -> String.valueOf(mail.get("subject")).contains(subject)).toList();
            if (mails.size() < n) {
                return false;
            }
            Matcher matcher = TOKEN.matcher(String.valueOf(mails.get(n - 1).get("text")));
            if (matcher.find()) {
                token.set(matcher.group(1));
                return true;
            }
            return false;
        });
        return token.get();
    }

    public static long count(String email, String subject) {
        return TestInfrastructure.shared().mailTo(email).stream()
                .filter(mail -> String.valueOf(mail.get("subject")).contains(subject)).count();
    }
}
