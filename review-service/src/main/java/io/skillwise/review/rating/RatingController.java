package io.skillwise.review.rating;

import io.skillwise.review.rating.RatingViews.CourseRatingView;
import io.skillwise.review.rating.RatingViews.InstructorRatingView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Rating aggregates, public: anyone choosing a course or an instructor reads them. */
@RestController
@Tag(name = "Ratings", description = "Per-course and per-instructor rating aggregates with a monthly trend")
class RatingController {

    private final RatingService ratings;

    RatingController(RatingService ratings) {
        this.ratings = ratings;
    }

    @GetMapping("/api/v1/courses/{id}/ratings")
    @Operation(summary = "A course's rating",
            description = "Average, count, distribution over 1 to 5 stars and aspect averages of the course's visible "
                    + "reviews, with a monthly trend (reviews posted per month, their average, and the rating as it "
                    + "stood at the end of each month). Public. A course without reviews answers zeros.")
    @ApiResponse(responseCode = "200", description = "The aggregate")
    @ApiResponse(responseCode = "400", description = "months outside 1..60, or an id that is not a UUID")
    CourseRatingView course(@PathVariable UUID id,
                            @Parameter(description = "How many months the trend covers, up to this one (1..60)",
                                    schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "60"))
                            @RequestParam(defaultValue = "12") int months) {
        return ratings.course(id, months);
    }

    @GetMapping("/api/v1/instructors/{id}/ratings")
    @Operation(summary = "An instructor's rating",
            description = "The same figures over the visible reviews of all the instructor's courses. Public.")
    @ApiResponse(responseCode = "200", description = "The aggregate")
    @ApiResponse(responseCode = "400", description = "months outside 1..60, or an id that is not a UUID")
    InstructorRatingView instructor(@PathVariable UUID id,
                                    @Parameter(description = "How many months the trend covers (1..60)",
                                            schema = @Schema(type = "integer", format = "int32", minimum = "1",
                                                    maximum = "60"))
                                    @RequestParam(defaultValue = "12") int months) {
        return ratings.instructor(id, months);
    }
}
