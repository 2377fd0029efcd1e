package io.skillwise.events.mother;

import static io.skillwise.events.mother.Samples.ADMIN;
import static io.skillwise.events.mother.Samples.COURSE;
import static io.skillwise.events.mother.Samples.ENROLLMENT;
import static io.skillwise.events.mother.Samples.INSTRUCTOR;
import static io.skillwise.events.mother.Samples.NOW;
import static io.skillwise.events.mother.Samples.POST;
import static io.skillwise.events.mother.Samples.REVIEW;
import static io.skillwise.events.mother.Samples.STUDENT;

import io.skillwise.events.review.ContentModerated;
import io.skillwise.events.review.CourseRatingChanged;
import io.skillwise.events.review.ModeratedContentKind;
import io.skillwise.events.review.ModerationDecision;
import io.skillwise.events.review.RatingDistribution;
import io.skillwise.events.review.ReviewPosted;
import io.skillwise.events.review.ReviewRemovalReason;
import io.skillwise.events.review.ReviewRemoved;
import io.skillwise.events.review.ReviewReplied;
import io.skillwise.events.review.ReviewUpdated;
import io.skillwise.events.review.ReviewWithdrawn;

/** Review events about one course. */
public final class Reviews {

    private Reviews() {
    }

    public static ReviewPosted posted() {
        return new ReviewPosted(REVIEW, COURSE, INSTRUCTOR, STUDENT, 5, 5, 4, "Clear and practical.", NOW);
    }

    public static ReviewUpdated updated() {
        return new ReviewUpdated(REVIEW, COURSE, INSTRUCTOR, STUDENT, 4, 4, null, "Good, a bit fast.", NOW);
    }

    public static ReviewRemoved moderated() {
        return new ReviewRemoved(REVIEW, COURSE, INSTRUCTOR, STUDENT, ReviewRemovalReason.MODERATED, ADMIN, NOW);
    }

    public static CourseRatingChanged ratingChanged() {
        return new CourseRatingChanged(COURSE, INSTRUCTOR, 4.25, 4, new RatingDistribution(0, 0, 1, 1, 2),
                4.5, 4.0, NOW);
    }

    public static CourseRatingChanged lastReviewRemoved() {
        return new CourseRatingChanged(COURSE, INSTRUCTOR, 0, 0, new RatingDistribution(0, 0, 0, 0, 0),
                null, null, NOW);
    }

    public static ReviewReplied replied() {
        return new ReviewReplied(REVIEW, COURSE, INSTRUCTOR, STUDENT, "Thank you, module 3 now has more examples.",
                false, NOW);
    }

    public static ContentModerated reviewHidden() {
        return new ContentModerated(ModeratedContentKind.REVIEW, REVIEW, COURSE, INSTRUCTOR, STUDENT,
                ModerationDecision.HIDDEN, "Personal contact details are not allowed.", ADMIN, NOW);
    }

    public static ContentModerated postApproved() {
        return new ContentModerated(ModeratedContentKind.DISCUSSION_POST, POST, COURSE, INSTRUCTOR, STUDENT,
                ModerationDecision.APPROVED, null, ADMIN, NOW);
    }

    public static ReviewWithdrawn withdrawnAfterRefund() {
        return new ReviewWithdrawn(REVIEW, COURSE, INSTRUCTOR, STUDENT, ENROLLMENT, NOW);
    }
}
