package io.skillwise.review.rating;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the API shows of ratings. */
public final class RatingViews {

    private RatingViews() {
    }

    /**
     * A rating in short, as in the list of a course's reviews.
     *
     * @param distribution visible reviews per number of stars, keys "1" to "5"
     */
    public record RatingSummary(@Schema(example = "4.4") double average, @Schema(example = "128") long count,
                                @Schema(description = "Visible reviews per number of stars", example = "{\"1\": 2, \"2\": 3, \"3\": 9, \"4\": 41, \"5\": 73}")
                                Map<String, Long> distribution, Aspects aspects) {

        public static RatingSummary of(RatingFigures figures) {
            RatingFigures.Stars stars = figures.stars();
            Map<String, Long> distribution = new LinkedHashMap<>();
            distribution.put("1", stars.one());
            distribution.put("2", stars.two());
            distribution.put("3", stars.three());
            distribution.put("4", stars.four());
            distribution.put("5", stars.five());
            return new RatingSummary(figures.average(), figures.count(), distribution, new Aspects(
                    figures.contentQuality().average(), figures.instructorEffectiveness().average()));
        }
    }

    /** Mean stars of the optional aspects; each absent when no review rated it. */
    public record Aspects(@Schema(example = "4.5") Double contentQuality,
                          @Schema(example = "4.2") Double instructorEffectiveness) {
    }

    /**
     * One month of the trend.
     *
     * @param count             visible reviews posted that month
     * @param average           their mean stars; absent for a month without reviews
     * @param cumulativeCount   visible reviews posted up to the end of that month
     * @param cumulativeAverage the rating as it stood at the end of that month; absent before the first review
     */
    public record TrendPoint(@Schema(description = "The month, yyyy-MM", example = "2026-03") String month,
                             @Schema(example = "14") long count, @Schema(example = "4.6") Double average,
                             @Schema(example = "128") long cumulativeCount,
                             @Schema(example = "4.4") Double cumulativeAverage) {
    }

    public record CourseRatingView(UUID courseId, UUID instructorId, @Schema(example = "4.4") double average,
                                   @Schema(example = "128") long count,
                                   @Schema(description = "Visible reviews per number of stars", example = "{\"1\": 2, \"2\": 3, \"3\": 9, \"4\": 41, \"5\": 73}")
                                   Map<String, Long> distribution, Aspects aspects, List<TrendPoint> trend,
                                   Instant updatedAt) {

        static CourseRatingView of(UUID courseId, UUID instructorId, RatingFigures figures, Instant updatedAt,
                                   YearMonth until, int months) {
            RatingSummary summary = RatingSummary.of(figures);
            return new CourseRatingView(courseId, instructorId, summary.average(), summary.count(),
                    summary.distribution(), summary.aspects(), RatingViews.trend(figures, until, months), updatedAt);
        }
    }

    /** @param courses the instructor's courses with at least one visible review */
    public record InstructorRatingView(UUID instructorId, @Schema(example = "3") int courses,
                                       @Schema(example = "4.4") double average, @Schema(example = "128") long count,
                                       @Schema(description = "Visible reviews per number of stars", example = "{\"1\": 2, \"2\": 3, \"3\": 9, \"4\": 41, \"5\": 73}")
                                       Map<String, Long> distribution, Aspects aspects, List<TrendPoint> trend) {

        static InstructorRatingView of(UUID instructorId, int courses, RatingFigures figures, YearMonth until,
                                       int months) {
            RatingSummary summary = RatingSummary.of(figures);
            return new InstructorRatingView(instructorId, courses, summary.average(), summary.count(),
                    summary.distribution(), summary.aspects(), RatingViews.trend(figures, until, months));
        }
    }

    /** @param corrected courses whose stored aggregate differed from the one recomputed from their reviews */
    public record RebuildView(@Schema(example = "312") int courses, @Schema(example = "2") int corrected) {
    }

    /** The last {@code months} months up to {@code until}, every month present, oldest first. */
    static List<TrendPoint> trend(RatingFigures figures, YearMonth until, int months) {
        YearMonth first = until.minusMonths(months - 1L);
        long cumulativeCount = 0;
        long cumulativeSum = 0;
        Map<YearMonth, RatingFigures.Month> byMonth = new LinkedHashMap<>();
        for (RatingFigures.Month month : figures.months()) {
            YearMonth at = YearMonth.parse(month.month());
            if (at.isBefore(first)) {
                cumulativeCount += month.count();
                cumulativeSum += month.sum();
            } else {
                byMonth.put(at, month);
            }
        }
        List<TrendPoint> trend = new ArrayList<>();
        for (YearMonth at = first; !at.isAfter(until); at = at.plusMonths(1)) {
            RatingFigures.Month month = byMonth.get(at);
            long count = month == null ? 0 : month.count();
            long sum = month == null ? 0 : month.sum();
            cumulativeCount += count;
            cumulativeSum += sum;
            trend.add(new TrendPoint(at.toString(), count, RatingFigures.average(sum, count), cumulativeCount,
                    RatingFigures.average(cumulativeSum, cumulativeCount)));
        }
        return trend;
    }
}
