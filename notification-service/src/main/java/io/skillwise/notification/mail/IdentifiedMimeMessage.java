package io.skillwise.notification.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A message whose {@code Message-ID} is the queued mail's id rather than a fresh one per attempt: should a mail ever
 * be sent a second time (a sender died after the SMTP server accepted it, before it could note that), the receiving
 * side sees the same message again and can drop it.
 */
final class IdentifiedMimeMessage extends MimeMessage {

    private final String messageId;

    IdentifiedMimeMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
