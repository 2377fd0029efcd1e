package io.skillwise.review.review;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.OwnedObject;
import io.skillwise.review.review.ReviewRequests.EditReviewRequest;
import io.skillwise.review.review.ReviewRequests.PostReviewRequest;
import io.skillwise.review.review.ReviewViews.CourseReviewsView;
import io.skillwise.review.review.ReviewViews.EligibilityView;
import io.skillwise.review.review.ReviewViews.ReviewView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Writing, reading, editing and deleting reviews. */
@RestController
@Tag(name = "Reviews", description = "Course reviews by enrolled learners")
class ReviewController {

    private final ReviewService reviews;

    ReviewController(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/api/v1/courses/{id}/reviews")
    @Operation(summary = "A course's reviews",
            description = "The course's visible reviews, one page at a time, with the course's rating summary "
                    + "(average, count, distribution over 1 to 5 stars, aspect averages). Public; a signed-in reader "
                    + "also learns which reviews they marked helpful.")
    @ApiResponse(responseCode = "200", description = "One page of reviews and the summary")
    @ApiResponse(responseCode = "400", description = "Unknown sort, rating outside 1..5, bad page or size")
    CourseReviewsView list(@PathVariable UUID id,
                           @Parameter(description = "helpful (default), newest, highest or lowest",
                                   schema = @Schema(allowableValues = {"helpful", "newest", "highest", "lowest"}))
                           @RequestParam(defaultValue = "helpful") String sort,
                           @Parameter(description = "Only reviews with this many stars",
                                   schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "5"))
                           @RequestParam(required = false) Integer rating,
                           @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "20") int size) {
        return reviews.list(id, sort, rating, page, size, CurrentUser.find());
    }

    @PostMapping("/api/v1/courses/{id}/reviews")
    @Operation(summary = "Review a course",
            description = "For learners whose enrollment is ACTIVE or COMPLETED, once per course. The review is "
                    + "public at once (status VISIBLE), or held for a moderator (status PENDING, counted nowhere) "
                    + "when screening finds banned terms, links, contact details, repeated text or a burst of low "
                    + "ratings from new accounts.")
    @ApiResponse(responseCode = "201", description = "The review, VISIBLE or PENDING")
    @ApiResponse(responseCode = "400", description = "Stars outside 1..5 or not whole, no or too long a comment, "
            + "HTML in it, unknown fields")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not enrolled, enrollment suspended or revoked, or the "
            + "caller's own course")
    @ApiResponse(responseCode = "409", description = "The caller reviewed the course already")
    ResponseEntity<ReviewView> post(@PathVariable UUID id, @Valid @RequestBody PostReviewRequest request) {
        ReviewView posted = reviews.post(id, request, CurrentUser.require());
        return ResponseEntity.created(URI.create("/api/v1/reviews/" + posted.id())).body(posted);
    }

    @GetMapping("/api/v1/courses/{id}/reviews/mine")
    @Operation(summary = "My review of a course",
            description = "The caller's review of the course in whatever state it is (PENDING, VISIBLE, HIDDEN with "
                    + "the moderator's reason, REMOVED by a moderator).")
    @ApiResponse(responseCode = "200", description = "The review")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "404", description = "The caller has no review of the course")
    ReviewView mine(@PathVariable UUID id) {
        return reviews.mine(id, CurrentUser.require());
    }

    @GetMapping("/api/v1/courses/{id}/reviews/eligibility")
    @Operation(summary = "May I review this course?",
            description = "Whether the caller may post a review now and, if not, why: NOT_ENROLLED, "
                    + "ENROLLMENT_SUSPENDED, ENROLLMENT_REVOKED, OWN_COURSE or ALREADY_REVIEWED.")
    @ApiResponse(responseCode = "200", description = "The answer")
    @ApiResponse(responseCode = "401", description = "No valid token")
    EligibilityView eligibility(@PathVariable UUID id) {
        return reviews.eligibility(id, CurrentUser.require());
    }

    @GetMapping("/api/v1/reviews/{id}")
    @Operation(summary = "One review",
            description = "A visible review, public. Its author and admins also see it while it is held or hidden.")
    @ApiResponse(responseCode = "200", description = "The review")
    @ApiResponse(responseCode = "404", description = "No such review, or not visible to the caller")
    ReviewView one(@PathVariable UUID id) {
        return reviews.one(id, CurrentUser.find());
    }

    @OwnedObject("the review's author")
    @PatchMapping("/api/v1/reviews/{id}")
    @Operation(summary = "Edit my review",
            description = "Changes the fields sent. The edit is screened again: a visible review whose new text trips "
                    + "screening is held for a moderator, and a hidden review goes back to a moderator. The author's "
                    + "enrollment must still be ACTIVE or COMPLETED.")
    @ApiResponse(responseCode = "200", description = "The review after the edit")
    @ApiResponse(responseCode = "400", description = "Nothing to change, invalid stars or comment, unknown fields")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Someone else's review, or the enrollment no longer allows it")
    @ApiResponse(responseCode = "404", description = "No such review visible to the caller")
    @ApiResponse(responseCode = "409", description = "The review was removed")
    ReviewView edit(@PathVariable UUID id, @Valid @RequestBody EditReviewRequest request) {
        return reviews.edit(id, request, CurrentUser.require());
    }

    @OwnedObject("the review's author, or an admin")
    @DeleteMapping("/api/v1/reviews/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a review",
            description = "The author deletes their own review (and may write a new one); an admin removes anyone's, "
                    + "which is logged as a moderation with the reason given.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Neither the author nor an admin")
    @ApiResponse(responseCode = "404", description = "No such review visible to the caller, or already deleted")
    void delete(@PathVariable UUID id,
                @Parameter(description = "An admin's reason, shown to the author")
                @RequestParam(required = false) @Size(max = 1000) String reason) {
        reviews.delete(id, reason, CurrentUser.require());
    }
}
