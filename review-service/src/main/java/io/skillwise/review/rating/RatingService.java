package io.skillwise.review.rating;

import io.skillwise.events.review.CourseRatingChanged;
import io.skillwise.events.review.RatingDistribution;
import io.skillwise.kit.web.ApiException;
import io.skillwise.review.rating.RatingInputs.CourseInputs;
import io.skillwise.review.rating.RatingViews.CourseRatingView;
import io.skillwise.review.rating.RatingViews.InstructorRatingView;
import io.skillwise.review.rating.RatingViews.RatingSummary;
import io.skillwise.review.rating.RatingViews.RebuildView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Course and instructor ratings (ADR 0012). A course's aggregate is recomputed from its visible reviews after every
 * change that can move it, and written only if nobody else wrote it in between (the document's version); a writer
 * that loses recomputes again. The last write is thus always computed from a read made after every review change
 * before it, which makes the aggregate exact under any interleaving, and each write carries its
 * {@code CourseRatingChanged} with a strictly later {@code occurredAt}.
 */
@Service
public class RatingService {

    private static final Logger log = LoggerFactory.getLogger(RatingService.class);
    /** Enough for dozens of simultaneous writers on one course; a loser past it is left to the repair. */
    private static final int MAX_ATTEMPTS = 100;
    public static final int MAX_MONTHS = 60;

    private final RatingRepository ratings;
    private final RatingInputs inputs;
    private final Clock clock;

    RatingService(RatingRepository ratings, RatingInputs inputs, Clock clock) {
        this.ratings = ratings;
        this.inputs = inputs;
        this.clock = clock;
    }

    /** Brings the course's aggregate up to date with its reviews; publishes only if the figures moved. */
    public void recompute(UUID courseId) {
        recompute(courseId, false);
    }

    /**
     * Recomputes every reviewed course (or one) from its reviews and publishes each aggregate again, so the catalog
     * is brought back in step too.
     */
    public RebuildView rebuild(UUID courseId) {
        Set<UUID> courses = courseId == null ? new TreeSet<>(inputs.reviewedCourses()) : Set.of(courseId);
        int corrected = 0;
        for (UUID course : courses) {
            if (recompute(course, true)) {
                corrected++;
            }
        }
        return new RebuildView(courses.size(), corrected);
    }

    /** Counts changes that the request which made them could not count (a crash, a lost race past the limit). */
    public int repair(Duration grace) {
        Set<UUID> courses = inputs.coursesWithUncountedChanges(clock.instant().minus(grace));
        courses.forEach(this::recompute);
        return courses.size();
    }

    public RatingSummary summary(UUID courseId) {
        return RatingSummary.of(ratings.find(courseId).map(CourseRating::figures).orElse(RatingFigures.none()));
    }

    public CourseRatingView course(UUID courseId, int months) {
        checkMonths(months);
        Optional<CourseRating> rating = ratings.find(courseId);
        return CourseRatingView.of(courseId, rating.map(CourseRating::instructorId).orElse(null),
                rating.map(CourseRating::figures).orElse(RatingFigures.none()),
                rating.map(CourseRating::changedAt).orElse(null), thisMonth(), months);
    }

    public InstructorRatingView instructor(UUID instructorId, int months) {
        checkMonths(months);
        List<CourseRating> courses = ratings.ofInstructor(instructorId);
        RatingFigures total = courses.stream().map(CourseRating::figures)
                .reduce(RatingFigures.none(), RatingFigures::plus);
        int rated = (int) courses.stream().filter(course -> course.figures().count() > 0).count();
        return InstructorRatingView.of(instructorId, rated, total, thisMonth(), months);
    }

    /** @return true when the stored figures differed from the recomputed ones */
    private boolean recompute(UUID courseId, boolean republish) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            // the aggregate first, the reviews second: a write based on this read covers every change before it
            Optional<CourseRating> current = ratings.find(courseId);
            CourseInputs read = inputs.of(courseId);
            RatingFigures figures = RatingFigures.of(read.visible());
            boolean differs = current.map(rating -> !rating.figures().equals(figures))
                    .orElse(figures.count() > 0);
            UUID instructorId = current.map(CourseRating::instructorId).orElse(read.instructorId());
            if ((!differs && !(republish && current.isPresent())) || instructorId == null) {
                inputs.counted(read.pending());
                return false;
            }
            Instant at = nextChangeTime(current.map(CourseRating::changedAt).orElse(null));
            CourseRatingChanged event = changed(courseId, instructorId, figures, at);
            boolean written = current.isEmpty()
                    ? ratings.create(new CourseRating(courseId, instructorId, 1, figures, at), event)
                    : ratings.replace(courseId, current.get().version(), instructorId, figures, at, event);
            if (written) {
                ratings.wake();
                inputs.counted(read.pending());
                return differs;
            }
        }
        log.warn("Rating of course {} lost {} races in a row; the repair will count it", courseId, MAX_ATTEMPTS);
        return false;
    }

    /** Millisecond precision (what MongoDB keeps), and always after the previous change of the course. */
    private Instant nextChangeTime(Instant previous) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return previous != null && !now.isAfter(previous) ? previous.plusMillis(1) : now;
    }

    private static CourseRatingChanged changed(UUID courseId, UUID instructorId, RatingFigures figures, Instant at) {
        RatingFigures.Stars stars = figures.stars();
        return new CourseRatingChanged(courseId, instructorId, figures.average(), figures.count(),
                new RatingDistribution(stars.one(), stars.two(), stars.three(), stars.four(), stars.five()),
                figures.contentQuality().average(), figures.instructorEffectiveness().average(), at);
    }

    private YearMonth thisMonth() {
        return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
    }

    private static void checkMonths(int months) {
        if (months < 1 || months > MAX_MONTHS) {
            throw ApiException.badRequest("months must be between 1 and " + MAX_MONTHS);
        }
    }
}
