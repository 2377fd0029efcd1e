package io.skillwise.identity.account;

/**
 * An admin's search over the accounts.
 *
 * @param text       part of the email address or display name, any case; blank for all
 * @param role       a platform role the account holds; blank for any
 * @param status     enabled, disabled, unverified or instructor-requested; blank for any
 * @param sort       one of {@link AccountService#sortFields()}
 * @param descending the order of {@code sort}
 */
public record AccountSearch(String text, String role, String status, String sort, boolean descending) {
}
