package io.skillwise.review.screening;

/**
 * What screening looks at for one write.
 *
 * @param text                      the comment as it will be stored
 * @param rating                    its overall stars
 * @param newAccount                the author's account is young ({@code bombing.new-account-age})
 * @param recentLowFromNewAccounts  low ratings from new accounts on the course within the window, not counting this
 * @param copiesAnotherReview       another author's review has the same text
 */
public record ScreeningInput(String text, int rating, boolean newAccount, long recentLowFromNewAccounts,
                             boolean copiesAnotherReview) {
}
