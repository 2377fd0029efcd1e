package io.skillwise.enrollment.quiz;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.OwnedObject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@Tag(name = "Quizzes", description = "Quiz attempts and their grades")
@RestController
class QuizController {

    /** Indexes are bounded like the lists they point into: at most 500 answers, 50 options chosen. */
    record AnswerRequest(@Schema(description = "The question, from 0", example = "0")
                         @NotNull @PositiveOrZero @Max(499) Integer questionIndex,
                         @ArraySchema(schema = @Schema(description = "An option chosen, from 0", example = "2"))
                         @NotNull @Size(max = 50) List<@NotNull @PositiveOrZero @Max(49) Integer> selectedOptions) {
    }

    record AttemptRequest(@NotNull @Size(max = 500) List<@Valid @NotNull AnswerRequest> answers) {
    }

    private final QuizService quizzes;

    QuizController(QuizService quizzes) {
        this.quizzes = quizzes;
    }

    @Operation(summary = "Submit a quiz attempt",
            description = "A learner enrolled in the course answers the quiz of a lesson; the attempt is graded at "
                    + "once, and a pass completes the lesson. Publishes QuizGraded (and LessonCompleted, "
                    + "CourseCompleted as they follow).")
    @ApiResponse(responseCode = "400",
            description = "`bad-request`: the lesson has no quiz, or an answer does not fit its question")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such lesson")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the caller is not enrolled in the course")
    @ApiResponse(responseCode = "409", description = "`attempts-exhausted`: no attempts left")
    @OwnedObject("a learner enrolled in the lesson's course")
    @PostMapping("/api/v1/lessons/{id}/quiz-attempts")
    @ResponseStatus(HttpStatus.CREATED)
    QuizService.AttemptView attempt(@PathVariable UUID id, @Valid @RequestBody AttemptRequest request) {
        List<QuizGrader.Answer> answers = request.answers().stream()
                .map(answer -> new QuizGrader.Answer(answer.questionIndex(), answer.selectedOptions())).toList();
        return quizzes.attempt(id, answers, CurrentUser.require());
    }
}
