package io.skillwise.catalog.search;

import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Every course whatever its status, for moderation; admins unpublish with {@code POST /courses/{id}/unpublish}. */
@Tag(name = "Moderation", description = "Admins' view of every course whatever its status")
@RestController
@PreAuthorize("hasRole('admin')")
class AdminCourseController {

    private final CourseSearchService search;

    AdminCourseController(CourseSearchService search) {
        this.search = search;
    }

    @GetMapping("/api/v1/admin/courses")
    @Operation(summary = "Every course, for moderation (admins)",
            description = "Courses of every status (or of `status`), newest first unless `sort` says otherwise. "
                    + CourseSearchController.LISTING)
    @ApiResponse(responseCode = "200", description = "One page of courses")
    @ApiResponse(responseCode = "400", description = "A filter, sort, page or cursor the listing does not take")
    @ApiResponse(responseCode = "403", description = "The caller is not an admin")
    PageView<CourseListItem> list(
            @RequestParam(required = false) CourseStatus status,
            @RequestParam(required = false) @Size(max = 200) String search,
            @RequestParam(required = false) UUID instructor,
            @Parameter(description = "newest (default), or as the public list sorts")
            @RequestParam(required = false) @Size(max = 30) String sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @Parameter(description = "the nextCursor of the page before (instead of page)")
            @RequestParam(required = false) @Size(max = 1000) String cursor) {
        CourseQuery query;
        try {
            CourseQuery.SortOrder order = CourseQuery.parseSort(sort == null ? "newest" : sort,
                    search != null && !search.isBlank());
            query = this.search.positioned(new CourseQuery(search, null, instructor, null, null, null, null, null,
                    null, order.sort(), order.ascending(), page, size, status, null), cursor);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return this.search.find(query, CurrentUser.find());
    }
}
