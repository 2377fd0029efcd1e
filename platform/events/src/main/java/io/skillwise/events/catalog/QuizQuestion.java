package io.skillwise.events.catalog;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One quiz question with its answer key.
 *
 * @param prompt         the question text
 * @param options        the answer options; an option's index in this list is what an attempt selects
 * @param correctOptions indexes into {@code options} of every correct option; an answer is right when it selects
 *                       exactly these
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuizQuestion(String prompt, List<String> options, List<Integer> correctOptions) {

    public QuizQuestion {
        requireNonNull(prompt, "prompt");
        options = List.copyOf(requireNonNull(options, "options"));
        correctOptions = List.copyOf(requireNonNull(correctOptions, "correctOptions"));
        for (int index : correctOptions) {
            if (index < 0 || index >= options.size()) {
                throw new IllegalArgumentException("correct option " + index + " is not one of the options");
            }
        }
    }
}
