package io.skillwise.enrollment.activity;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.OwnedObject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@Tag(name = "Learning activity", description = "Time learners spend on lessons, from their players' heartbeats")
@RestController
class ActivityController {

    /** @param seconds time spent on the lesson since the client's previous heartbeat */
    record HeartbeatRequest(@Schema(description = "Seconds spent on the lesson since the last heartbeat",
                                    example = "60") @NotNull @Min(0) @Max(3600) Long seconds) {
    }

    private final ActivityService activity;

    ActivityController(ActivityService activity) {
        this.activity = activity;
    }

    @Operation(summary = "Report time spent on a lesson",
            description = "A learner enrolled in the lesson's course reports the seconds since the previous "
                    + "heartbeat (capped per heartbeat, so a stuck player counts little). Feeds the "
                    + "instructor's engagement figures; publishes no event.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such lesson")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the caller is not enrolled in the lesson's course")
    @OwnedObject("a learner enrolled in the lesson's course")
    @PostMapping("/api/v1/lessons/{id}/activity")
    ActivityService.ActivityView heartbeat(@PathVariable UUID id, @Valid @RequestBody HeartbeatRequest request) {
        return activity.heartbeat(id, request.seconds(), CurrentUser.require());
    }
}
