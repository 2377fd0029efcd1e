package io.skillwise.analytics.projection;

import io.skillwise.kit.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/analytics/projections")
@PreAuthorize("hasRole('admin')")
@Tag(name = "Projections", description = "The generations of analytics' read models, and their rebuild from the "
        + "beginning of every topic (admins)")
class ProjectionController {

    private static final String PROBLEM = "application/problem+json";

    /**
     * @param lag           records on the topics it has not applied yet (consuming versions only), and per topic
     * @param lagMeasuredAt when that was measured (every {@code skillwise.analytics.projection.check-interval})
     * @param records       records it has applied, redeliveries included
     * @param asOf          the newest event applied to it
     */
    record VersionView(@Schema(example = "3") int version, @Schema(example = "BUILDING") String status,
                       @Schema(example = "2") int layout, Instant createdAt, Instant activatedAt, Instant retiredAt,
                       @Schema(example = "1250") Long lag,
                       @Schema(example = "{\"payment.order.v1\": 1200, \"enrollment.enrollment.v1\": 50}")
                       Map<String, Long> lagByTopic, Instant lagMeasuredAt, @Schema(example = "480512") Long records,
                       Instant asOf) {
    }

    record VersionsView(List<VersionView> items) {
    }

    private final ProjectionStatus status;

    ProjectionController(ProjectionStatus status) {
        this.status = status;
    }

    @GetMapping
    @Operation(summary = "List the projection versions",
            description = "Every generation of the read models: the ACTIVE one answering, a BUILDING rebuild with how "
                    + "far behind the topics it still is, and the RETIRED, DROPPED and CANCELLED ones.")
    @ApiResponse(responseCode = "200", description = "The versions, oldest first")
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = PROBLEM))
    VersionsView list() {
        return new VersionsView(status.versions());
    }

    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild every projection from the beginning of every topic",
            description = "Creates a new version of the read models in a schema of its own, filled by a consumer "
                    + "group of its own from the first event of every topic, while the active version keeps "
                    + "answering. Once the new version has caught up (its lag is at most "
                    + "`skillwise.analytics.projection.caught-up-lag` records) it answers instead and the old one is "
                    + "dropped after a grace period. Follow it with GET /admin/analytics/projections.")
    @ApiResponse(responseCode = "202", description = "The rebuild started")
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "A rebuild is already running", content = @Content(mediaType = PROBLEM))
    VersionView rebuild() {
        return status.startRebuild(CurrentUser.require().id());
    }

    @DeleteMapping("/rebuild")
    @Operation(summary = "Cancel the running rebuild",
            description = "Stops the rebuild's consumer and drops what it built. The active version is not touched.")
    @ApiResponse(responseCode = "200", description = "The cancelled version")
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No rebuild is running", content = @Content(mediaType = PROBLEM))
    VersionView cancel() {
        return status.cancelRebuild();
    }
}
