package io.skillwise.events.catalog;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A quiz as the grader needs it. Contains the answer key: never show it to learners.
 *
 * @param passScore   the score, in percent of questions answered correctly, needed to pass
 * @param maxAttempts how many attempts a learner has; absent for unlimited attempts
 * @param questions   the questions; a question's index in this list is the {@code questionIndex} of an attempt
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuizOutline(int passScore, Integer maxAttempts, List<QuizQuestion> questions) {

    public QuizOutline {
        if (passScore < 0 || passScore > 100) {
            throw new IllegalArgumentException("passScore is a percentage, was " + passScore);
        }
        if (maxAttempts != null && maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        questions = List.copyOf(requireNonNull(questions, "questions"));
    }
}
