package io.skillwise.catalog.search;

import io.skillwise.catalog.common.HttpCaching;
import io.skillwise.kit.web.PageView;
import org.springframework.http.ResponseEntity;
import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/courses")
class CourseSearchController {

    private final CourseSearchService search;

    CourseSearchController(CourseSearchService search) {
        this.search = search;
    }

    @GetMapping
    ResponseEntity<PageView<CourseListItem>> list(
            @RequestParam(required = false) @Size(max = 200) String search,
            @RequestParam(required = false) @Size(max = 80) String category,
            @RequestParam(required = false) UUID instructor,
            @RequestParam(required = false) @PositiveOrZero Long minPrice,
            @RequestParam(required = false) @PositiveOrZero Long maxPrice,
            @RequestParam(required = false) Boolean free,
            @RequestParam(required = false) CourseLevel level,
            @RequestParam(required = false) @Size(max = 35) String language,
            @RequestParam(required = false) @DecimalMin("0") @DecimalMax("5") Double minRating,
            @RequestParam(required = false) Boolean enrolled,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        CourseQuery.SortOrder order;
        try {
            order = CourseQuery.parseSort(sort, search != null && !search.isBlank());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            throw ApiException.badRequest("minPrice must not be above maxPrice.");
        }
        Optional<CurrentUser> caller = CurrentUser.find();
        if (enrolled != null && caller.isEmpty()) {
            throw new AuthenticationCredentialsNotFoundException("enrolled is about the signed-in learner");
        }
        CourseQuery query = new CourseQuery(search, category, instructor, minPrice, maxPrice, free, level, language,
                minRating, order.sort(), order.ascending(), page, size, null, enrolled);
        return HttpCaching.browsing(this.search.find(query, caller));
    }
}
