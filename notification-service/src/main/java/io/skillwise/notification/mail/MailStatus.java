package io.skillwise.notification.mail;

/** Where a queued mail is. */
enum MailStatus {
    /** Waiting for its (next) attempt at {@code nextAttemptAt}. */
    PENDING,
    /** Claimed by one sender until {@code leaseUntil}; if that passes, another sender may claim it again. */
    SENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Given up: refused for good, or still failing after the last attempt. Admins see it and may retry it. */
    FAILED
}
