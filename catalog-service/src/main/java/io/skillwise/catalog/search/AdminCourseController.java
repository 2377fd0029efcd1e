package io.skillwise.catalog.search;

import io.skillwise.kit.web.PageView;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Every course whatever its status, for moderation; admins unpublish with {@code POST /courses/{id}/unpublish}. */
@RestController
@PreAuthorize("hasRole('admin')")
class AdminCourseController {

    private final CourseSearchService search;

    AdminCourseController(CourseSearchService search) {
        this.search = search;
    }

    @GetMapping("/api/v1/admin/courses")
    PageView<CourseListItem> list(
            @RequestParam(required = false) CourseStatus status,
            @RequestParam(required = false) @Size(max = 200) String search,
            @RequestParam(required = false) UUID instructor,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        CourseQuery.SortOrder order;
        try {
            order = CourseQuery.parseSort(sort == null ? "newest" : sort, search != null && !search.isBlank());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        CourseQuery query = new CourseQuery(search, null, instructor, null, null, null, null, null, null,
                order.sort(), order.ascending(), page, size, status, null);
        return this.search.find(query, CurrentUser.find());
    }
}
