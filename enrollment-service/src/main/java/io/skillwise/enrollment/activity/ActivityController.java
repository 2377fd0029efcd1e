package io.skillwise.enrollment.activity;

import io.skillwise.kit.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
class ActivityController {

    /** @param seconds time spent on the lesson since the client's previous heartbeat */
    record HeartbeatRequest(@NotNull @Min(0) @Max(3600) Long seconds) {
    }

    private final ActivityService activity;

    ActivityController(ActivityService activity) {
        this.activity = activity;
    }

    @PostMapping("/api/v1/lessons/{id}/activity")
    ActivityService.ActivityView heartbeat(@PathVariable UUID id, @Valid @RequestBody HeartbeatRequest request) {
        return activity.heartbeat(id, request.seconds(), CurrentUser.require());
    }
}
