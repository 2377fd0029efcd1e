package io.skillwise.notification.support;

import io.skillwise.testsupport.TestInfrastructure;

import java.util.List;
import java.util.Map;

/** What the SMTP sink received, read back through its API. */
public final class Mailbox {

    private Mailbox() {
    }

    /** Every mail to the address. */
    public static List<Map<String, Object>> of(String email) {
        return TestInfrastructure.shared().mailTo(email);
    }

    /** The mails to the address whose subject contains {@code subject}. */
    public static List<Map<String, Object>> of(String email, String subject) {
        return of(email).stream().filter(mail -> String.valueOf(mail.get("subject")).contains(subject)).toList();
    }

    public static String text(Map<String, Object> mail) {
        return String.valueOf(mail.get("text"));
    }

    public static String raw(Map<String, Object> mail) {
        return String.valueOf(mail.get("mimeMessage"));
    }
}
