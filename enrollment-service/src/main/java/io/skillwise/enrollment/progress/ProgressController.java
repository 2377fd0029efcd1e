package io.skillwise.enrollment.progress;

import io.skillwise.kit.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

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

    @PatchMapping("/api/v1/enrollments/{id}/progress")
    ProgressView complete(@PathVariable UUID id, @Valid @RequestBody ProgressRequest request) {
        return progress.markComplete(id, request.lessonId(), CurrentUser.require());
    }

    @GetMapping("/api/v1/progress/{courseId}")
    ProgressView ofCourse(@PathVariable UUID courseId) {
        return progress.ofCourse(courseId, CurrentUser.require());
    }
}
