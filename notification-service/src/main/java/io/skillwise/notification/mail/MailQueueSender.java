package io.skillwise.notification.mail;

import io.skillwise.notification.NotificationKind;
import io.skillwise.notification.PollingLoop;
import io.skillwise.notification.preference.PreferenceService;
import io.skillwise.notification.replica.User;
import io.skillwise.notification.replica.UserReplica;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * Sends the queued mail. Each round claims up to a batch of due mails (each claim one atomic find-and-modify with a
 * lease, so several instances never send the same mail), renders them and sends them over one SMTP connection. A
 * mail the server refuses for now (it is down, times out, answers 4xx) is tried again after a backoff that doubles;
 * one it refuses for good (an invalid address), one whose template cannot render, and one still failing after the
 * last attempt are given up as FAILED, for admins to see.
 */
@Component
class MailQueueSender extends PollingLoop {

    private static final Logger log = LoggerFactory.getLogger(MailQueueSender.class);
    private static final Duration CLEAN_UP_EVERY = Duration.ofHours(1);
    private static final int MAX_ERROR = 500;

    private final MailRepository mails;
    private final MailRenderer renderer;
    private final JavaMailSender smtp;
    private final UserReplica users;
    private final PreferenceService preferences;
    private final MailProperties properties;
    private final MailMetrics metrics;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());
    private final String owner = UUID.randomUUID().toString();
    private Instant nextCleanUp = Instant.MIN;

    MailQueueSender(MailRepository mails, MailRenderer renderer, JavaMailSender smtp, UserReplica users,
                    PreferenceService preferences, MailProperties properties, MailMetrics metrics, Clock clock) {
        super("mail-sender", properties.pollInterval(), properties.maxBackoff(), properties.senderEnabled());
        this.mails = mails;
        this.renderer = renderer;
        this.smtp = smtp;
        this.users = users;
        this.preferences = preferences;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** One round: claim, render, send, record. True when the batch was full and more may be due. */
    @Override
    protected boolean round() {
        Instant now = clock.instant();
        cleanUpIfDue(now);
        List<MailJob> claimed = new ArrayList<>();
        for (int i = 0; i < properties.batchSize(); i++) {
            Optional<MailJob> next = mails.claim(owner, now, now.plus(properties.lease()));
            if (next.isEmpty()) {
                break;
            }
            claimed.add(next.get());
        }
        List<Outgoing> outgoing = new ArrayList<>();
        for (MailJob mail : claimed) {
            prepare(mail).ifPresent(outgoing::add);
        }
        if (!outgoing.isEmpty()) {
            send(outgoing);
        }
        return claimed.size() == properties.batchSize();
    }

    private record Outgoing(MailJob mail, String to, MimeMessage message) {
    }

    private Optional<Outgoing> prepare(MailJob mail) {
        Optional<User> recipient = users.find(UUID.fromString(mail.recipientId()));
        if (recipient.isEmpty()) {
            // identity's UserRegistered may not have reached the replica yet; an erased account's mail is deleted
            retryOrGiveUp(mail, null, "the recipient's e-mail address is not known (yet)");
            return Optional.empty();
        }
        User user = recipient.get();
        try {
            NotificationKind kind = NotificationKind.valueOf(mail.kind());
            RenderedMail rendered = renderer.render(mail, user,
                    preferences.unsubscribePath(user.id(), kind).orElse(null));
            return Optional.of(new Outgoing(mail, user.email(), message(mail, user, rendered)));
        } catch (RuntimeException | MessagingException | UnsupportedEncodingException e) {
            // a template that cannot render or an address that cannot be written will not get better by waiting
            giveUp(mail, user.email(), "cannot build the mail: " + e.getMessage());
            return Optional.empty();
        }
    }

    private MimeMessage message(MailJob mail, User user, RenderedMail rendered)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new IdentifiedMimeMessage(session, "<" + mail.id() + "@skillwise>");
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(new InternetAddress(user.email(), user.displayName(), StandardCharsets.UTF_8.name()));
        helper.setSubject(rendered.subject());
        helper.setText(rendered.text(), rendered.html());
        helper.setSentDate(Date.from(clock.instant()));
        if (rendered.unsubscribeUrl() != null) {
            // RFC 8058: mail clients offer their own unsubscribe button and POST to the link
            message.setHeader("List-Unsubscribe", "<" + rendered.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }

    /** Sends the mails in claim order over one connection, then records what became of each. */
    private void send(List<Outgoing> outgoing) {
        Map<Object, Exception> failed = Map.of();
        try {
            smtp.send(outgoing.stream().map(Outgoing::message).toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            failed = e.getFailedMessages().isEmpty() ? everyOne(outgoing, e) : e.getFailedMessages();
        } catch (MailException e) {
            // authentication or another failure of the whole connection: none of them went out
            failed = everyOne(outgoing, e);
        }
        Instant now = clock.instant();
        for (Outgoing mail : outgoing) {
            Exception failure = failed.get(mail.message());
            if (failure == null) {
                metrics.sent(mail.mail().kind());
                if (!mails.markSent(mail.mail(), owner, mail.to(), now)) {
                    log.warn("mail {} was sent after its lease ran out; another sender may send it again",
                            mail.mail().id());
                }
            } else if (refusedForGood(failure)) {
                giveUp(mail.mail(), mail.to(), describe(failure));
            } else {
                retryOrGiveUp(mail.mail(), mail.to(), describe(failure));
            }
        }
    }

    private void retryOrGiveUp(MailJob mail, String to, String error) {
        if (mail.attempts() >= properties.maxAttempts()) {
            giveUp(mail, to, error + " (gave up after " + mail.attempts() + " attempts)");
            return;
        }
        Instant next = clock.instant().plus(properties.backoffAfter(mail.attempts()));
        log.debug("mail {} attempt {} failed, next at {}: {}", mail.id(), mail.attempts(), next, error);
        mails.reschedule(mail, owner, truncate(error), next);
    }

    private void giveUp(MailJob mail, String to, String error) {
        log.warn("mail {} ({}) given up: {}", mail.id(), mail.kind(), error);
        mails.fail(mail, owner, to, truncate(error));
        metrics.failed(mail.kind());
    }

    private void cleanUpIfDue(Instant now) {
        if (now.isBefore(nextCleanUp)) {
            return;
        }
        nextCleanUp = now.plus(CLEAN_UP_EVERY);
        long deleted = mails.deleteSentBefore(now.minus(properties.retention()));
        if (deleted > 0) {
            log.info("deleted {} sent mails older than {}", deleted, properties.retention());
        }
    }

    /** An address the server rejects (5xx on RCPT) stays rejected; everything else may work later. */
    static boolean refusedForGood(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                    && refused.getInvalidAddresses().length > 0) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException messaging && messaging.getNextException() != null
                && messaging.getNextException() != t) {
            return messaging.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static Map<Object, Exception> everyOne(List<Outgoing> outgoing, Exception e) {
        // keyed by the message itself, as Spring's MailSendException keys its failed messages
        Map<Object, Exception> all = new IdentityHashMap<>();
        outgoing.forEach(mail -> all.put(mail.message(), e));
        return all;
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < MAX_ERROR; t = next(t)) {
            if (!text.isEmpty()) {
                text.append(": ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(" ").append(t.getMessage());
            }
        }
        return text.toString();
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
