package io.skillwise.notification.delivery;

import io.skillwise.notification.Notice;
import io.skillwise.notification.mail.MailContent;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One notice to a set of recipients: in the app, and by mail unless {@code mail} is null, each as the recipient's
 * preferences for the notice's kind allow (essential kinds always by mail).
 *
 * @param key        unique per delivery and stable across retries, e.g. {@code "event:" + ceId} or
 *                   {@code "announcement:" + id}: repeating a delivery with the same key writes and sends nothing
 *                   twice. One event that notifies two audiences with two notices uses two keys.
 * @param notice     kind, title, text and link, the same for everybody
 * @param mail       the mail's templates and model; null for a delivery that is in-app only
 * @param recipients user ids; duplicates count once
 */
public record Delivery(String key, Notice notice, MailContent mail, List<UUID> recipients) {

    public Delivery {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a delivery needs a key");
        }
        Objects.requireNonNull(notice, "notice");
        recipients = recipients.stream().distinct().toList();
    }

    /** In the app, and by mail with the plain notice template. */
    public static Delivery of(String key, Notice notice, Collection<UUID> recipients) {
        return new Delivery(key, notice, MailContent.notice(), List.copyOf(recipients));
    }

    /** In the app, and by mail with the plain notice template, to one recipient. */
    public static Delivery of(String key, Notice notice, UUID recipient) {
        return of(key, notice, List.of(recipient));
    }

    /** In the app only, whatever the preferences say about mail. */
    public static Delivery inAppOnly(String key, Notice notice, Collection<UUID> recipients) {
        return new Delivery(key, notice, null, List.copyOf(recipients));
    }

    /** The same delivery with its own mail templates. */
    public Delivery withMail(MailContent content) {
        return new Delivery(key, notice, content, recipients);
    }
}
