package io.skillwise.review.rating;

import io.skillwise.review.rating.RatingViews.RebuildView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Recomputing aggregates from the reviews, for admins. */
@RestController
@PreAuthorize("hasRole('admin')")
@Tag(name = "Ratings")
class RatingAdminController {

    private final RatingService ratings;

    RatingAdminController(RatingService ratings) {
        this.ratings = ratings;
    }

    @PostMapping("/api/v1/admin/ratings/rebuild")
    @Operation(summary = "Rebuild rating aggregates",
            description = "Recomputes every reviewed course's aggregate (or one course's) from its visible reviews, "
                    + "stores it and publishes CourseRatingChanged again, so the catalog is back in step as well. "
                    + "'corrected' counts the courses whose stored aggregate differed from the recomputed one; it is "
                    + "0 when everything was right.")
    @ApiResponse(responseCode = "200", description = "How many courses were rebuilt and corrected")
    @ApiResponse(responseCode = "400", description = "courseId is not a UUID")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not an admin")
    RebuildView rebuild(@Parameter(description = "Only this course; every reviewed course when absent")
                        @RequestParam(required = false) UUID courseId) {
        return ratings.rebuild(courseId);
    }
}
