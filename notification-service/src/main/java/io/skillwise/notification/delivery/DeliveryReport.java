package io.skillwise.notification.delivery;

/**
 * What one delivery did.
 *
 * @param recipients distinct recipients asked for
 * @param inApp      notifications written now (not counting those an earlier run of the same delivery wrote)
 * @param mails      mails queued now (likewise)
 * @param erased     recipients skipped because their account was deleted
 */
public record DeliveryReport(int recipients, int inApp, int mails, int erased) {
}
