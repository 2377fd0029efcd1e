package io.skillwise.notification.preference;

/** Where one kind of notification reaches one user: in the app, by mail, both, or neither ("off"). */
public record Channels(boolean inApp, boolean email) {
}
