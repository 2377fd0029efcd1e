package io.skillwise.review.screening;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * What screening holds back for a moderator (docs/reviews.md, "Screening").
 *
 * @param bannedTerms   words or phrases, matched as whole words in any case
 * @param links         hold texts with web addresses
 * @param contactDetails hold texts with e-mail addresses or phone numbers
 * @param repeatedText  hold texts that repeat themselves or copy another review
 * @param bombing       hold low ratings that arrive in a burst from new accounts
 */
@ConfigurationProperties("skillwise.review.screening")
public record ScreeningProperties(List<String> bannedTerms, boolean links, boolean contactDetails,
                                  boolean repeatedText, Bombing bombing) {

    public ScreeningProperties {
        bannedTerms = bannedTerms == null ? List.of() : List.copyOf(bannedTerms);
        bombing = bombing == null ? new Bombing(0, Duration.ZERO, Duration.ZERO, 0) : bombing;
    }

    /**
     * @param threshold     the number of low ratings from new accounts on one course within the window, this one
     *                      included, from which a review is held; 0 turns the rule off
     * @param window        how far back low ratings are counted
     * @param newAccountAge accounts younger than this are new
     * @param maxRating     ratings of this many stars or fewer are low
     */
    public record Bombing(int threshold, Duration window, Duration newAccountAge, int maxRating) {
    }
}
