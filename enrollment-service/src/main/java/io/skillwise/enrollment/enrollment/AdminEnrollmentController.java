package io.skillwise.enrollment.enrollment;

import io.skillwise.kit.web.PageView;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Support's side: any learner's enrollments, and taking access away by hand. Admins only. */
@Tag(name = "Enrollment support", description = "Admins' view of every learner's enrollments")
@RestController
@PreAuthorize("hasRole('admin')")
class AdminEnrollmentController {

    /** Why access is taken away; kept for support, it does not travel in the event. */
    record RevokeRequest(@Schema(example = "Chargeback: the card holder disputed the payment.")
                         @NotBlank @Size(max = 1000) String reason) {
    }

    private final EnrollmentService enrollments;
    private final ProgressSummaries progress;

    AdminEnrollmentController(EnrollmentService enrollments, ProgressSummaries progress) {
        this.enrollments = enrollments;
        this.progress = progress;
    }

    @Operation(summary = "Revoke an enrollment",
            description = "Admins only: takes a learner's access to a course away, with a reason kept for support. "
                    + "Publishes EnrollmentRevoked.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such enrollment")
    @ApiResponse(responseCode = "409", description = "`conflict`: the enrollment is revoked already")
    @PostMapping("/api/v1/admin/enrollments/{id}/revoke")
    AdminEnrollmentView revoke(@PathVariable UUID id, @Valid @RequestBody RevokeRequest request) {
        Enrollment revoked = enrollments.revokeByAdmin(id, request.reason(), CurrentUser.require());
        return AdminEnrollmentView.of(revoked, progress.summaries(List.of(revoked)).get(revoked.id()));
    }

    @Operation(summary = "Search enrollments",
            description = "Admins only: every enrollment, filtered by learner, course and status. Changes nothing.")
    @ApiResponse(responseCode = "400",
            description = "`validation` or `bad-request`: page below 0, size outside 1 to 100, a sort the list does "
                    + "not take")
    @GetMapping("/api/v1/admin/enrollments")
    PageView<AdminEnrollmentView> list(@RequestParam(required = false) UUID userId,
                                       @RequestParam(required = false) UUID courseId,
                                       @Parameter(schema = @Schema(implementation = EnrollmentStatus.class))
                                       @RequestParam(required = false) String status,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "20") int size,
                                       @Parameter(schema = @Schema(allowableValues = {"startedAt,desc",
                                               "startedAt,asc", "startedAt"}))
                                       @RequestParam(defaultValue = "startedAt,desc") String sort) {
        boolean newestFirst = switch (sort) {
            case "startedAt,desc", "startedAt" -> true;
            case "startedAt,asc" -> false;
            default -> throw ApiException.badRequest("enrollments sort by startedAt,asc or startedAt,desc");
        };
        EnrollmentFilter filter = new EnrollmentFilter(userId, courseId, status(status));
        PageView<Enrollment> found = enrollments.search(filter, page, size, newestFirst, CurrentUser.require());
        Map<UUID, ProgressSummary> summaries = progress.summaries(found.items());
        return found.map(enrollment -> AdminEnrollmentView.of(enrollment, summaries.get(enrollment.id())));
    }

    private static EnrollmentStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return EnrollmentStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status is one of " + Arrays.toString(EnrollmentStatus.values()));
        }
    }
}
