package io.skillwise.enrollment.progress;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.OwnedObject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@Tag(name = "Progress", description = "Completed lessons and course completion")
@RestController
class ProgressController {

    /** Only completion can be recorded: progress never goes backwards through the API. */
    record ProgressRequest(@NotNull UUID lessonId,
                           @NotNull @AssertTrue(message = "only true is accepted") Boolean completed) {
    }

    private final ProgressService progress;

    ProgressController(ProgressService progress) {
        this.progress = progress;
    }

    @Operation(summary = "Complete a lesson",
            description = "The learner records a lesson of the enrolled course as completed (a quiz lesson is "
                    + "completed by passing its quiz). Publishes LessonCompleted the first time and, after the "
                    + "last lesson, CourseCompleted with a certificate.")
    @ApiResponse(responseCode = "400", description = "`bad-request`: the lesson is not in the course, or is a quiz")
    @ApiResponse(responseCode = "404",
            description = "`not-found`: no such enrollment of the caller (another learner's answers the same)")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the enrollment is not active (revoked, refunded)")
    @ApiResponse(responseCode = "409",
            description = "`lesson-not-yet-available`: the lesson opens later; `curriculum-not-available`: the "
                    + "course's curriculum has not arrived yet, try again")
    @OwnedObject("the enrollment's learner")
    @PatchMapping("/api/v1/enrollments/{id}/progress")
    ProgressView complete(@PathVariable UUID id, @Valid @RequestBody ProgressRequest request) {
        return progress.markComplete(id, request.lessonId(), CurrentUser.require());
    }

    @Operation(summary = "My progress in a course",
            description = "The caller's completed lessons and percentage in a course. Changes nothing.")
    @ApiResponse(responseCode = "404", description = "`not-found`: the caller is not enrolled in the course")
    @ApiResponse(responseCode = "409",
            description = "`curriculum-not-available`: the course's curriculum has not arrived yet")
    @OwnedObject("the caller's own enrollment in the course")
    @GetMapping("/api/v1/progress/{courseId}")
    ProgressView ofCourse(@PathVariable UUID courseId) {
        return progress.ofCourse(courseId, CurrentUser.require());
    }
}
