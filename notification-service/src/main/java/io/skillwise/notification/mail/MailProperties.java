package io.skillwise.notification.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code skillwise.notification.mail.*}: the sender of the mail queue. The SMTP server itself is Spring Boot's
 * {@code spring.mail.*} (host, port, username, password, {@code properties.mail.smtp.*}).
 *
 * @param from           the From address
 * @param publicBaseUrl  where links in mail point (the gateway as users reach it), e.g. {@code https://api.skillwise.io}
 * @param senderEnabled  whether this instance sends mail (every instance queues it)
 * @param pollInterval   how often the sender looks for due mail nobody woke it for
 * @param batchSize      mails claimed per round and sent over one SMTP connection
 * @param lease          how long a claimed mail belongs to its sender; longer than one SMTP send can take
 * @param maxAttempts    attempts before a mail that keeps failing is given up (FAILED)
 * @param initialBackoff pause after the first failed attempt, doubled after each further one ...
 * @param maxBackoff     ... up to this
 * @param retention      how long sent mail stays in the queue (it is what makes a repeated delivery a no-op)
 */
@ConfigurationProperties("skillwise.notification.mail")
public record MailProperties(String from, String publicBaseUrl, boolean senderEnabled, Duration pollInterval,
                             int batchSize, Duration lease, int maxAttempts, Duration initialBackoff,
                             Duration maxBackoff, Duration retention) {

    /** The pause before attempt {@code attempts + 1}. */
    Duration backoffAfter(int attempts) {
        Duration backoff = initialBackoff;
        for (int i = 1; i < attempts && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) < 0 ? backoff : maxBackoff;
    }

    /** A path of the API made absolute for a mail; null stays null. */
    String absolute(String path) {
        if (path == null) {
            return null;
        }
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        return base + path;
    }
}
