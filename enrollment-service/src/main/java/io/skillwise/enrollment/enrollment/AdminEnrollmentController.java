package io.skillwise.enrollment.enrollment;

import io.skillwise.kit.web.PageView;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
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
@RestController
@PreAuthorize("hasRole('admin')")
class AdminEnrollmentController {

    /** Why access is taken away; kept for support, it does not travel in the event. */
    record RevokeRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    private final EnrollmentService enrollments;
    private final ProgressSummaries progress;

    AdminEnrollmentController(EnrollmentService enrollments, ProgressSummaries progress) {
        this.enrollments = enrollments;
        this.progress = progress;
    }

    @PostMapping("/api/v1/admin/enrollments/{id}/revoke")
    AdminEnrollmentView revoke(@PathVariable UUID id, @Valid @RequestBody RevokeRequest request) {
        Enrollment revoked = enrollments.revokeByAdmin(id, request.reason(), CurrentUser.require());
        return AdminEnrollmentView.of(revoked, progress.summaries(List.of(revoked)).get(revoked.id()));
    }

    @GetMapping("/api/v1/admin/enrollments")
    PageView<AdminEnrollmentView> list(@RequestParam(required = false) UUID userId,
                                       @RequestParam(required = false) UUID courseId,
                                       @RequestParam(required = false) String status,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "20") int size,
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
