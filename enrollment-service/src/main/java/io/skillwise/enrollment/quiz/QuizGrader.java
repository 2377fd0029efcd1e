package io.skillwise.enrollment.quiz;

import io.skillwise.events.catalog.QuizOutline;
import io.skillwise.events.catalog.QuizQuestion;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grades an attempt against the quiz's answer key: a question is right when exactly its correct options are
 * selected; the score is the percentage of questions right, rounded down; unanswered questions are wrong.
 */
public final class QuizGrader {

    /** One answer of an attempt. */
    public record Answer(int questionIndex, List<Integer> selectedOptions) {

        public Answer {
            selectedOptions = List.copyOf(selectedOptions);
        }
    }

    /** The attempt refers to questions or options the quiz does not have, or answers a question twice. */
    public static final class InvalidAnswersException extends RuntimeException {

        InvalidAnswersException(String message) {
            super(message);
        }
    }

    private QuizGrader() {
    }

    public static int score(QuizOutline quiz, List<Answer> answers) {
        List<QuizQuestion> questions = quiz.questions();
        Map<Integer, Set<Integer>> selected = new HashMap<>();
        for (Answer answer : answers) {
            int index = answer.questionIndex();
            if (index < 0 || index >= questions.size()) {
                throw new InvalidAnswersException("question " + index + " does not exist; the quiz has "
                        + questions.size() + " questions (0-based)");
            }
            Set<Integer> options = new HashSet<>();
            for (int option : answer.selectedOptions()) {
                if (option < 0 || option >= questions.get(index).options().size()) {
                    throw new InvalidAnswersException("question " + index + " has no option " + option);
                }
                options.add(option);
            }
            if (selected.put(index, options) != null) {
                throw new InvalidAnswersException("question " + index + " is answered twice");
            }
        }
        if (questions.isEmpty()) {
            return 100;
        }
        int right = 0;
        for (int index = 0; index < questions.size(); index++) {
            if (Set.copyOf(questions.get(index).correctOptions()).equals(selected.get(index))) {
                right++;
            }
        }
        return right * 100 / questions.size();
    }

    public static boolean passed(QuizOutline quiz, int score) {
        return score >= quiz.passScore();
    }
}
