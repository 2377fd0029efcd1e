package io.skillwise.review.screening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScreeningTest {

    private final Screening screening = new Screening(new ScreeningProperties(List.of("scam artist", "darn"), true,
            true, true, new ScreeningProperties.Bombing(3, Duration.ofHours(24), Duration.ofDays(7), 2)));

    private ScreeningInput text(String text) {
        return new ScreeningInput(text, 4, false, 0, false);
    }

    @Test
    void plainPraiseAndCriticismPass() {
        assertThat(screening.check(text("Clear lessons, but module 3 was too fast for me."))).isEmpty();
        assertThat(screening.check(text("Node.js and ASP-style examples, e.g. chapter 2. 10/10, 3 < 5 hours.")))
                .isEmpty();
        assertThat(screening.check(text("I took it in 2019, 2020 and 2021."))).isEmpty();
    }

    @Test
    void bannedTermsMatchWholeWordsAndPhrasesInAnyCase() {
        assertThat(screening.check(text("DARN good course"))).containsExactly(ScreeningFlag.BANNED_TERM);
        assertThat(screening.check(text("The instructor is a Scam-Artist!")))
                .containsExactly(ScreeningFlag.BANNED_TERM);
        assertThat(screening.check(text("Darned good course, no scams, artists at work"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"see https://example.org/x", "go to www.udemy-clone.net now", "buy at cheap.courses.io",
            "(bit.ly/abc)"})
    void linksAreHeld(String comment) {
        assertThat(screening.check(text(comment))).contains(ScreeningFlag.LINK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mail me: someone@example.com", "call +49 170 1234567", "text (555) 123-4567 today",
            "phone 0170.123.45.67"})
    void contactDetailsAreHeld(String comment) {
        assertThat(screening.check(text(comment))).contains(ScreeningFlag.CONTACT_DETAILS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Greaaaaaaaaat", "!!!!!!!!!!", "good good good good",
            "buy buy now now buy buy now now buy buy now now buy buy now now buy buy now now"})
    void repeatedTextIsHeld(String comment) {
        assertThat(screening.check(text(comment))).contains(ScreeningFlag.REPEATED_TEXT);
    }

    @Test
    void copiesOfAnotherReviewAreHeld() {
        assertThat(screening.check(new ScreeningInput("Fine.", 4, false, 0, true)))
                .containsExactly(ScreeningFlag.REPEATED_TEXT);
        assertThat(Screening.fingerprint("Great COURSE, really!"))
                .isEqualTo(Screening.fingerprint("great course really"));
        assertThat(Screening.worthComparing("Great course!")).isFalse();
        assertThat(Screening.worthComparing("one two three four five six seven eight")).isTrue();
    }

    @Test
    void lowRatingsFromNewAccountsAreHeldFromTheThresholdOn() {
        assertThat(screening.check(new ScreeningInput("Bad.", 1, true, 1, false))).isEmpty();
        assertThat(screening.check(new ScreeningInput("Bad.", 2, true, 2, false)))
                .containsExactly(ScreeningFlag.RATING_BOMBING);
        assertThat(screening.check(new ScreeningInput("Bad.", 3, true, 9, false))).as("not low").isEmpty();
        assertThat(screening.check(new ScreeningInput("Bad.", 1, false, 9, false))).as("not new").isEmpty();
    }

    @Test
    void rulesCanBeSwitchedOff() {
        Screening lenient = new Screening(new ScreeningProperties(List.of(), false, false, false, null));

        assertThat(lenient.check(new ScreeningInput("www.x.com me@x.com +49 170 1234567 aaaaaaaaaaa", 1, true, 50,
                true))).isEmpty();
    }
}
