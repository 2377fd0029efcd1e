package io.skillwise.review.review;

import io.skillwise.review.rating.RatingInputs;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The reviews as the rating aggregates read them. */
@Component
class ReviewRatingInputs implements RatingInputs {

    private final ReviewRepository reviews;

    ReviewRatingInputs(ReviewRepository reviews) {
        this.reviews = reviews;
    }

    @Override
    public CourseInputs of(UUID courseId) {
        List<Review> countable = reviews.countable(courseId);
        return new CourseInputs(countable.isEmpty() ? null : countable.getFirst().instructorId(),
                countable.stream().filter(Review::isVisible).map(Review::contribution).toList(),
                countable.stream().filter(Review::ratingPending)
                        .map(review -> new PendingChange(review.id(), review.version())).toList());
    }

    @Override
    public void counted(List<PendingChange> changes) {
        changes.forEach(change -> reviews.markCounted(change.reviewId(), change.version()));
    }

    @Override
    public Set<UUID> coursesWithUncountedChanges(Instant changedBefore) {
        return reviews.coursesWithUncountedChanges(changedBefore);
    }

    @Override
    public Set<UUID> reviewedCourses() {
        return reviews.reviewedCourses();
    }
}
