package io.skillwise.catalog.search;

import io.skillwise.catalog.common.HttpCaching;
import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.MoneyRequest;
import io.skillwise.kit.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;
import java.util.UUID;

@Tag(name = "Browsing", description = "Finding published courses: search, filters, sorting, paging")
@RestController
@RequestMapping("/api/v1/courses")
class CourseSearchController {

    /** How every listing pages, sorts and counts (part of the OpenAPI descriptions of both listings). */
    static final String LISTING = "Pages: `page` (from 0) and `size` (1..100) reach `page * size` = "
            + CourseSearchService.DEEPEST_OFFSET + " courses deep; every page that has a next one also "
            + "carries `nextCursor`, and `cursor=<nextCursor>` (with the same filters and sort) asks for that next page "
            + "at any depth, as fast as the first (keyset paging; `page` in the answer is its number). Sorts: "
            + "`,asc`/`,desc` reverse the whole order, ties included (popularity: enrollments, then id; rating: "
            + "average, count, enrollments, id; newest: publication time (a never-published course of the caller counts "
            + "as newest), creation time, id; price: cheapest first, among equal prices the most enrolled first, id). "
            + "`totalItems` is the number of matching courses, counted exactly when it is at most "
            + CourseSearchRepository.EXACT_TOTAL_LIMIT + " and on the last page (`totalItemsExact: true`); beyond, it "
            + "is the database's estimate (`totalItemsExact: false`), close but not exact, and so is `totalPages`. "
            + "Relevance (the default with `search`) ranks the " + CourseSearchRepository.RANKED_CANDIDATES + " most "
            + "popular matches by how well they match (title above subtitle and tags above description); further "
            + "matches follow them by popularity.";

    private final CourseSearchService search;

    CourseSearchController(CourseSearchService search) {
        this.search = search;
    }

    @GetMapping
    @Operation(summary = "Browse and search the catalog",
            description = "Published courses (plus the caller's own, for instructors), filtered, searched and "
                    + "sorted. " + LISTING)
    @ApiResponse(responseCode = "200", description = "One page of courses")
    @ApiResponse(responseCode = "400", description = "A filter, sort, page or cursor the listing does not take, or a "
            + "page by number deeper than " + CourseSearchService.DEEPEST_OFFSET + " courses (use the cursor)")
    @ApiResponse(responseCode = "401", description = "`enrolled` without a signed-in caller")
    ResponseEntity<PageView<CourseListItem>> list(
            @RequestParam(required = false) @Size(max = 200) String search,
            @RequestParam(required = false) @Size(max = 80) String category,
            @RequestParam(required = false) UUID instructor,
            @RequestParam(required = false) @PositiveOrZero @Max(MoneyRequest.MAX_AMOUNT) Long minPrice,
            @RequestParam(required = false) @PositiveOrZero @Max(MoneyRequest.MAX_AMOUNT) Long maxPrice,
            @RequestParam(required = false) Boolean free,
            @RequestParam(required = false) CourseLevel level,
            @RequestParam(required = false) @Size(max = 35) String language,
            @RequestParam(required = false) @DecimalMin("0") @DecimalMax("5") Double minRating,
            @RequestParam(required = false) Boolean enrolled,
            @Parameter(description = "relevance (with search), popularity, rating, newest or price, "
                    + "optionally followed by ,asc or ,desc")
            @RequestParam(required = false) @Size(max = 30) String sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @Parameter(description = "the nextCursor of the page before (instead of page)")
            @RequestParam(required = false) @Size(max = 1000) String cursor) {
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
        try {
            query = this.search.positioned(query, cursor);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return HttpCaching.browsing(this.search.find(query, caller));
    }
}
