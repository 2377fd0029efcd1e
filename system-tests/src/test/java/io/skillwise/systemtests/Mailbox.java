package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import java.util.List;
import java.util.Map;

/** What the platform's SMTP sink received for a user, as the system tests read it. */
final class Mailbox {

    private Mailbox() {
    }

    /** The user's mails with exactly this subject, oldest first. */
    static List<Map<String, Object>> withSubject(DevStack platform, PlatformUsers.Session user, String subject)
            throws Exception {
        return platform.mail().messagesFor(user.email()).stream()
                .filter(mail -> String.valueOf(mail.get("subject")).equals(subject)).toList();
    }
}
