package io.skillwise.enrollment.enrollment;

import io.skillwise.kit.security.OwnedObject;
import io.skillwise.kit.web.PageView;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Tag(name = "Enrollments", description = "Learners' access to courses")
@RestController
class EnrollmentController {

    private final EnrollmentService enrollments;
    private final ProgressSummaries progress;

    EnrollmentController(EnrollmentService enrollments, ProgressSummaries progress) {
        this.enrollments = enrollments;
        this.progress = progress;
    }

    @Operation(summary = "Enroll in a course",
            description = "A learner (role student) enrolls in a published free course, or in a paid one while "
                    + "subscribed; paid courses are otherwise bought through payments (POST "
                    + "/payments/checkout), and 402 says where. With an Idempotency-Key, a retry answers the "
                    + "first enrollment. Publishes StudentEnrolled.")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the caller is not a learner")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such course open for enrollment")
    @ApiResponse(responseCode = "402",
            description = "`payment-required`: a paid course without a subscription; the problem names courseId and "
                    + "paymentUrl")
    @ApiResponse(responseCode = "409",
            description = "`conflict`: already enrolled, or the Idempotency-Key was used for another course")
    @PostMapping("/api/v1/courses/{id}/enroll")
    @PreAuthorize("hasRole('student')")
    ResponseEntity<EnrollmentView> enroll(@PathVariable UUID id,
                                          @RequestHeader(name = "Idempotency-Key", required = false)
                                          @Size(max = 200) String idempotencyKey) {
        Enrollment enrollment = enrollments.enrollFree(id, CurrentUser.require(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/enrollments/" + enrollment.id()))
                .body(view(enrollment));
    }

    @Operation(summary = "My enrollments",
            description = "The caller's enrollments with progress, newest first by default. Changes nothing.")
    @ApiResponse(responseCode = "400",
            description = "`validation` or `bad-request`: page below 0, size outside 1 to 100, a sort the list does "
                    + "not take")
    @GetMapping("/api/v1/enrollments")
    PageView<EnrollmentView> mine(@RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "20") int size,
                                  @Parameter(schema = @Schema(allowableValues = {"startedAt,desc", "startedAt,asc",
                                          "startedAt"}))
                                  @RequestParam(defaultValue = "startedAt,desc") String sort) {
        boolean newestFirst = switch (sort) {
            case "startedAt,desc", "startedAt" -> true;
            case "startedAt,asc" -> false;
            default -> throw ApiException.badRequest("enrollments sort by startedAt,asc or startedAt,desc");
        };
        PageView<Enrollment> found = enrollments.mine(CurrentUser.require(), page, size, newestFirst);
        Map<UUID, ProgressSummary> summaries = progress.summaries(found.items());
        return found.map(enrollment -> EnrollmentView.of(enrollment, summaries.get(enrollment.id())));
    }

    @Operation(summary = "Read an enrollment",
            description = "One of the caller's enrollments with its progress. Changes nothing.")
    @ApiResponse(responseCode = "404",
            description = "`not-found`: no such enrollment of the caller (another learner's answers the same)")
    @OwnedObject("the enrollment's learner")
    @GetMapping("/api/v1/enrollments/{id}")
    EnrollmentView one(@PathVariable UUID id) {
        return view(enrollments.own(id, CurrentUser.require()));
    }

    /** 402 with where to pay: the kit's handler has no place for the extra {@code paymentUrl} member. */
    @ExceptionHandler(PaymentRequiredException.class)
    ResponseEntity<ProblemDetail> paymentRequired(PaymentRequiredException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.PAYMENT_REQUIRED, e.type(), e.getMessage());
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("courseId", e.courseId());
        problem.setProperty("paymentUrl", PaymentRequiredException.CHECKOUT_PATH);
        return ResponseEntity.status(HttpStatus.PAYMENT_REQUIRED).body(problem);
    }

    private EnrollmentView view(Enrollment enrollment) {
        return EnrollmentView.of(enrollment, progress.summaries(List.of(enrollment)).get(enrollment.id()));
    }
}
