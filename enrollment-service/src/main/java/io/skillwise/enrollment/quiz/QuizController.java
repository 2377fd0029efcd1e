package io.skillwise.enrollment.quiz;

import io.skillwise.kit.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
class QuizController {

    record AnswerRequest(@NotNull Integer questionIndex,
                         @NotNull @Size(max = 50) List<@NotNull Integer> selectedOptions) {
    }

    record AttemptRequest(@NotNull @Size(max = 500) List<@Valid @NotNull AnswerRequest> answers) {
    }

    private final QuizService quizzes;

    QuizController(QuizService quizzes) {
        this.quizzes = quizzes;
    }

    @PostMapping("/api/v1/lessons/{id}/quiz-attempts")
    @ResponseStatus(HttpStatus.CREATED)
    QuizService.AttemptView attempt(@PathVariable UUID id, @Valid @RequestBody AttemptRequest request) {
        List<QuizGrader.Answer> answers = request.answers().stream()
                .map(answer -> new QuizGrader.Answer(answer.questionIndex(), answer.selectedOptions())).toList();
        return quizzes.attempt(id, answers, CurrentUser.require());
    }
}
