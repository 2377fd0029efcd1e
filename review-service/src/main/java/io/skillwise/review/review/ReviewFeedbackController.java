package io.skillwise.review.review;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.OwnedObject;
import io.skillwise.review.review.ReviewRequests.ReplyRequest;
import io.skillwise.review.review.ReviewRequests.ReportRequest;
import io.skillwise.review.review.ReviewViews.HelpfulView;
import io.skillwise.review.review.ReviewViews.ReviewView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** What others do with a review: the course owner's reply, helpful votes, reports. */
@RestController
@Tag(name = "Reviews")
class ReviewFeedbackController {

    private final ReviewService reviews;

    ReviewFeedbackController(ReviewService reviews) {
        this.reviews = reviews;
    }

    @OwnedObject("the course's instructor")
    @PostMapping("/api/v1/reviews/{id}/reply")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reply to a review",
            description = "The course's instructor replies in public, once per review (PATCH edits the reply). "
                    + "Instructors need two-factor authentication. The review's author is notified.")
    @ApiResponse(responseCode = "201", description = "The review with its reply")
    @ApiResponse(responseCode = "400", description = "Blank or too long a reply, HTML in it")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not the course's instructor, or no second factor")
    @ApiResponse(responseCode = "404", description = "No such visible review")
    @ApiResponse(responseCode = "409", description = "Replied already")
    ReviewView reply(@PathVariable UUID id, @Valid @RequestBody ReplyRequest request) {
        return reviews.reply(id, request.text(), true, CurrentUser.require());
    }

    @OwnedObject("the course's instructor")
    @PatchMapping("/api/v1/reviews/{id}/reply")
    @Operation(summary = "Edit my reply", description = "The course's instructor changes their reply to a review.")
    @ApiResponse(responseCode = "200", description = "The review with the edited reply")
    @ApiResponse(responseCode = "400", description = "Blank or too long a reply, HTML in it")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not the course's instructor, or no second factor")
    @ApiResponse(responseCode = "404", description = "No such visible review, or no reply yet")
    ReviewView editReply(@PathVariable UUID id, @Valid @RequestBody ReplyRequest request) {
        return reviews.reply(id, request.text(), false, CurrentUser.require());
    }

    @PostMapping("/api/v1/reviews/{id}/helpful")
    @Operation(summary = "Mark a review helpful",
            description = "Once per user; not for one's own review or reviews of one's own course. Reviews sort by "
                    + "these votes by default.")
    @ApiResponse(responseCode = "200", description = "The review's helpful count after the vote")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "The caller's own review or course")
    @ApiResponse(responseCode = "404", description = "No such visible review")
    @ApiResponse(responseCode = "409", description = "Voted already")
    HelpfulView vote(@PathVariable UUID id) {
        return reviews.vote(id, CurrentUser.require());
    }

    @DeleteMapping("/api/v1/reviews/{id}/helpful")
    @Operation(summary = "Take back my helpful vote",
            description = "The caller withdraws the helpful vote they gave the review; its helpful count drops by one "
                    + "and they may vote again later.")
    @ApiResponse(responseCode = "200", description = "The review's helpful count without the vote")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "404", description = "The caller has no vote on this review")
    HelpfulView unvote(@PathVariable UUID id) {
        return reviews.unvote(id, CurrentUser.require());
    }

    @PostMapping("/api/v1/reviews/{id}/report")
    @Operation(summary = "Report a review",
            description = "Any signed-in user, once per review, with a reason. The review joins the moderation queue; "
                    + "it stays visible until a moderator decides.")
    @ApiResponse(responseCode = "202", description = "The report was taken")
    @ApiResponse(responseCode = "400", description = "Blank or too long a reason, HTML in it")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "The caller's own review")
    @ApiResponse(responseCode = "404", description = "No such visible review")
    @ApiResponse(responseCode = "409", description = "Reported already")
    ResponseEntity<Void> report(@PathVariable UUID id, @Valid @RequestBody ReportRequest request) {
        reviews.report(id, request.reason(), CurrentUser.require());
        return ResponseEntity.accepted().build();
    }
}
