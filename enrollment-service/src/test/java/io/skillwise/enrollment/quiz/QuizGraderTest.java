package io.skillwise.enrollment.quiz;

import io.skillwise.events.catalog.QuizOutline;
import io.skillwise.events.catalog.QuizQuestion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuizGraderTest {

    private final QuizOutline quiz = new QuizOutline(60, 3, List.of(
            new QuizQuestion("a", List.of("x", "y", "z"), List.of(1)),
            new QuizQuestion("b", List.of("x", "y", "z"), List.of(0, 2)),
            new QuizQuestion("c", List.of("x", "y"), List.of(0))));

    @Test
    void everyQuestionRightScoresHundred() {
        int score = QuizGrader.score(quiz, List.of(answer(0, 1), answer(1, 2, 0), answer(2, 0)));
        assertThat(score).isEqualTo(100);
        assertThat(QuizGrader.passed(quiz, score)).isTrue();
    }

    @Test
    void aMultipleChoiceQuestionNeedsExactlyTheCorrectOptions() {
        assertThat(QuizGrader.score(quiz, List.of(answer(0, 1), answer(1, 0), answer(2, 0)))).isEqualTo(66);
        assertThat(QuizGrader.score(quiz, List.of(answer(0, 1), answer(1, 0, 1, 2), answer(2, 0)))).isEqualTo(66);
    }

    @Test
    void unansweredQuestionsAreWrongAndTheScoreRoundsDown() {
        int score = QuizGrader.score(quiz, List.of(answer(0, 1)));
        assertThat(score).isEqualTo(33);
        assertThat(QuizGrader.passed(quiz, score)).isFalse();
    }

    @Test
    void answersToQuestionsOrOptionsThatDoNotExistAreRefused() {
        assertThatThrownBy(() -> QuizGrader.score(quiz, List.of(answer(3, 0))))
                .isInstanceOf(QuizGrader.InvalidAnswersException.class);
        assertThatThrownBy(() -> QuizGrader.score(quiz, List.of(answer(2, 2))))
                .isInstanceOf(QuizGrader.InvalidAnswersException.class);
        assertThatThrownBy(() -> QuizGrader.score(quiz, List.of(answer(0, 1), answer(0, 1))))
                .isInstanceOf(QuizGrader.InvalidAnswersException.class);
    }

    private static QuizGrader.Answer answer(int question, Integer... options) {
        return new QuizGrader.Answer(question, List.of(options));
    }
}
