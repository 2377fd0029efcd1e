package io.skillwise.analytics.instructor;

import io.skillwise.analytics.instructor.InstructorViews.CoursePage;
import io.skillwise.analytics.instructor.InstructorViews.CourseView;
import io.skillwise.analytics.instructor.InstructorViews.DashboardView;
import io.skillwise.analytics.projection.Csv;
import io.skillwise.analytics.projection.FreshPage;
import io.skillwise.analytics.sales.MoneyFigures;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Instructor dashboard", description = "An instructor's own figures, from analytics' projections of the "
        + "event stream. Instructors see only their own (with the second factor, as money is shown); admins name the "
        + "instructor with instructorId.")
// the instructor's own figures, or an admin naming the instructor (InstructorScope)
@PreAuthorize("hasAnyRole('instructor', 'admin')")
class InstructorController {

    private static final String PROBLEM = "application/problem+json";

    private final InstructorDashboardService dashboards;
    private final InstructorScope scope;

    InstructorController(InstructorDashboardService dashboards, InstructorScope scope) {
        this.dashboards = dashboards;
        this.scope = scope;
    }

    @GetMapping("/api/v1/instructors/dashboard")
    @Operation(summary = "The instructor's dashboard",
            description = "Earnings per currency in total and for the last 30 days (gross, refunded, platform fee, "
                    + "affiliate commissions, net; they add up with GET /instructors/earnings of payment-service), "
                    + "enrolled students, active courses, average rating, completion rate, engagement per day (last "
                    + "30 days) and week (last 12 weeks), and the effect of the instructor's latest campaigns. `asOf` "
                    + "is the newest event the figures include. Definitions: docs/analytics.md.")
    @ApiResponse(responseCode = "200", description = "The dashboard")
    @ApiResponse(responseCode = "400", description = "An admin did not name the instructor",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Not an instructor or admin, someone else's figures, or an "
            + "instructor without a second factor (mfa-required)", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "503", description = "Analytics is rebuilding after an upgrade",
            content = @Content(mediaType = PROBLEM))
    DashboardView dashboard(@Parameter(description = "admins only: the instructor; instructors may leave it out or "
                                    + "give their own id")
                            @RequestParam(required = false) UUID instructorId) {
        return dashboards.dashboard(scope.instructor(CurrentUser.require(), instructorId));
    }

    @GetMapping("/api/v1/instructors/courses")
    @Operation(summary = "The instructor's courses with their figures",
            description = "Every course of the instructor that was ever published (drafts are listed by catalog's "
                    + "GET /courses?instructor=), by title: status, enrollments, completions, rating and, per "
                    + "currency, orders, revenue, refunds, fees, commissions and net. With `Accept: text/csv` every "
                    + "course as CSV (one line per course and currency), paging ignored.")
    @ApiResponse(responseCode = "200", description = "A page of courses, or all of them as CSV", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = CoursePage.class)),
            @Content(mediaType = "text/csv")})
    @ApiResponse(responseCode = "400", description = "Bad paging, or an admin did not name the instructor",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Not an instructor or admin, someone else's figures, or an "
            + "instructor without a second factor (mfa-required)", content = @Content(mediaType = PROBLEM))
    ResponseEntity<?> courses(@RequestParam(required = false) UUID instructorId,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "20") int size,
                              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        PageView.check(page, size);
        UUID instructor = scope.instructor(CurrentUser.require(), instructorId);
        if (!Csv.wanted(accept)) {
            return ResponseEntity.ok(dashboards.courses(instructor, page, size));
        }
        FreshPage<CourseView> all = dashboards.allCourses(instructor);
        List<List<Object>> rows = all.items().stream().flatMap(course -> course.revenue().isEmpty()
                ? Stream.of(courseLine(course, null))
                : course.revenue().stream().map(money -> courseLine(course, money))).toList();
        return Csv.answer("courses.csv", all.asOf(), COURSE_HEADER, rows);
    }

    private static final List<String> COURSE_HEADER = List.of("courseId", "title", "status", "enrollments",
            "completed", "completionRate", "revokedEnrollments", "ratingAverage", "ratingCount", "currency", "orders",
            "refunds", "gross", "discount", "refunded", "platformFee", "affiliateCommission", "net");

    private static List<Object> courseLine(CourseView course, MoneyFigures money) {
        List<Object> line = new ArrayList<>(Arrays.asList(course.courseId(), course.title(),
                course.status(), course.enrollments(), course.completed(), course.completionRate(),
                course.revokedEnrollments(), course.ratingAverage(), course.ratingCount()));
        if (money == null) {
            line.addAll(Arrays.asList(null, 0, 0, 0, 0, 0, 0, 0, 0));
        } else {
            line.addAll(List.of(money.currency(), money.orders(), money.refunds(), money.gross(), money.discount(),
                    money.refunded(), money.platformFee(), money.affiliateCommission(), money.net()));
        }
        return line;
    }
}
