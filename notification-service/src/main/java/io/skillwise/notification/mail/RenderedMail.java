package io.skillwise.notification.mail;

/** A mail ready to send: both bodies rendered. {@code unsubscribeUrl} is null for essential mail. */
record RenderedMail(String subject, String html, String text, String unsubscribeUrl) {
}
