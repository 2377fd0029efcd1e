package io.skillwise.review.review;

import io.skillwise.review.rating.RatingViews.RatingSummary;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the API shows of reviews. */
public final class ReviewViews {

    /** Shown for an author whose name identity has not told us (yet). */
    static final String UNKNOWN_AUTHOR = "SkillWise learner";

    private ReviewViews() {
    }

    /**
     * A review as its reader may see it.
     *
     * @param status       VISIBLE for everyone; the author (and admins) also see PENDING, HIDDEN and REMOVED
     * @param hiddenReason why a moderator hid it: shown to its author and admins only
     * @param helpfulByMe  whether the signed-in reader marked it helpful; absent for anonymous readers
     * @param editedAt     when its author last changed it; absent when never
     * @param reply        the course owner's reply; absent when none
     */
    public record ReviewView(UUID id, UUID courseId, Author author, @Schema(example = "5") int rating,
                             @Schema(example = "5") Integer contentQuality,
                             @Schema(example = "4") Integer instructorEffectiveness,
                             @Schema(example = ReviewRequests.COMMENT) String comment,
                             @Schema(example = "12") long helpfulCount, Boolean helpfulByMe,
                             ReplyView reply, ReviewStatus status,
                             @Schema(example = "Personal data of another learner") String hiddenReason,
                             Instant createdAt,
                             Instant editedAt) {

        static ReviewView of(Review review, String authorName, Boolean helpfulByMe, boolean privileged) {
            return new ReviewView(review.id(), review.courseId(),
                    new Author(review.authorId(), authorName == null ? UNKNOWN_AUTHOR : authorName),
                    review.rating(), review.contentQuality(), review.instructorEffectiveness(), review.comment(),
                    review.helpfulCount(), helpfulByMe, ReplyView.of(review.reply()), review.status(),
                    privileged ? review.hiddenReason() : null, review.createdAt(), review.editedAt());
        }
    }

    /** Named in the API document, where the moderation queue's {@code Author} would otherwise share one component. */
    @Schema(name = "ReviewAuthor")
    public record Author(UUID id, @Schema(example = "Grace Hopper") String displayName) {
    }

    public record ReplyView(@Schema(example = ReviewRequests.REPLY) String text, Instant createdAt,
                            Instant updatedAt) {

        static ReplyView of(Reply reply) {
            return reply == null ? null : new ReplyView(reply.text(), reply.createdAt(), reply.updatedAt());
        }
    }

    /** A page of a course's visible reviews, in the list shape of the API, with the course's rating summary. */
    public record CourseReviewsView(List<ReviewView> items, @Schema(example = "0") int page,
                                    @Schema(example = "20") int size, @Schema(example = "128") long totalItems,
                                    @Schema(example = "7") long totalPages,
                                    RatingSummary summary) {
    }

    /** @param helpfulCount the review's helpful votes after this one */
    public record HelpfulView(UUID reviewId, @Schema(example = "13") long helpfulCount, boolean helpfulByMe) {
    }

    /**
     * Whether the signed-in learner may review the course now.
     *
     * @param reason why not: NOT_ENROLLED, ENROLLMENT_SUSPENDED, ENROLLMENT_REVOKED, OWN_COURSE, ALREADY_REVIEWED
     * @param reviewId the learner's review of the course, when there is one
     */
    public record EligibilityView(boolean eligible,
                                  @Schema(allowableValues = {"NOT_ENROLLED", "ENROLLMENT_SUSPENDED",
                                          "ENROLLMENT_REVOKED", "OWN_COURSE", "ALREADY_REVIEWED"}) String reason,
                                  UUID reviewId) {
    }
}
