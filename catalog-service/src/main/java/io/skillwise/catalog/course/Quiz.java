package io.skillwise.catalog.course;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The questions of a QUIZ lesson with their answer key. The key ({@link Question#correctOptions()}) is shown only
 * to the course owner and admins, and travels to the grader in the course events.
 *
 * @param passScore   percent of questions answered right needed to pass
 * @param maxAttempts attempts a learner has; absent for unlimited
 */
public record Quiz(int passScore, Integer maxAttempts, List<Question> questions) {

    public static final int DEFAULT_PASS_SCORE = 70;

    public Quiz {
        if (passScore < 0 || passScore > 100) {
            throw CourseRuleException.invalid("The quiz pass score is a percentage (0..100).");
        }
        if (maxAttempts != null && maxAttempts < 1) {
            throw CourseRuleException.invalid("A quiz allows at least one attempt.");
        }
        questions = List.copyOf(Objects.requireNonNullElse(questions, List.of()));
        if (questions.isEmpty()) {
            throw CourseRuleException.invalid("A quiz needs at least one question.");
        }
    }

    public record Question(String prompt, List<String> options, List<Integer> correctOptions) {

        public Question {
            if (prompt == null || prompt.isBlank()) {
                throw CourseRuleException.invalid("Every quiz question needs a prompt.");
            }
            options = List.copyOf(Objects.requireNonNullElse(options, List.of()));
            correctOptions = List.copyOf(Objects.requireNonNullElse(correctOptions, List.of()));
            if (options.size() < 2 || options.stream().anyMatch(o -> o == null || o.isBlank())) {
                throw CourseRuleException.invalid("Every quiz question needs at least two non-blank options.");
            }
            if (correctOptions.isEmpty()) {
                throw CourseRuleException.invalid("Every quiz question needs at least one correct option.");
            }
            if (new HashSet<>(correctOptions).size() != correctOptions.size()) {
                throw CourseRuleException.invalid("A correct option is listed twice.");
            }
            for (Integer index : correctOptions) {
                if (index == null || index < 0 || index >= options.size()) {
                    throw CourseRuleException.invalid("A correct option must be the index of one of the options.");
                }
            }
        }
    }
}
