package io.skillwise.review.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exact sums behind a rating: counts and star totals, never averages, so figures of several courses add up to
 * an instructor's and every average is computed once, from integers.
 *
 * @param months per month of posting, oldest first; months without reviews are left out
 */
public record RatingFigures(long count, long sum, Stars stars, Aspect contentQuality,
                           Aspect instructorEffectiveness, List<Month> months) {

    public RatingFigures {
        months = List.copyOf(months);
    }

    /** Reviews per number of stars. */
    public record Stars(long one, long two, long three, long four, long five) {

        Stars plus(int rating) {
            return new Stars(one + (rating == 1 ? 1 : 0), two + (rating == 2 ? 1 : 0), three + (rating == 3 ? 1 : 0),
                    four + (rating == 4 ? 1 : 0), five + (rating == 5 ? 1 : 0));
        }

        Stars plus(Stars other) {
            return new Stars(one + other.one, two + other.two, three + other.three, four + other.four,
                    five + other.five);
        }
    }

    /** An optional aspect: how many reviews rated it and their star total. */
    public record Aspect(long count, long sum) {

        Aspect plus(Integer stars) {
            return stars == null ? this : new Aspect(count + 1, sum + stars);
        }

        Aspect plus(Aspect other) {
            return new Aspect(count + other.count, sum + other.sum);
        }

        /** Null when nobody rated it. */
        public Double average() {
            return RatingFigures.average(sum, count);
        }
    }

    /** @param month {@code yyyy-MM}, UTC */
    public record Month(String month, long count, long sum) {
    }

    public static RatingFigures none() {
        return new RatingFigures(0, 0, new Stars(0, 0, 0, 0, 0), new Aspect(0, 0), new Aspect(0, 0), List.of());
    }

    public static RatingFigures of(Collection<RatingContribution> reviews) {
        RatingFigures figures = none();
        Map<YearMonth, long[]> months = new TreeMap<>();
        for (RatingContribution review : reviews) {
            figures = new RatingFigures(figures.count + 1, figures.sum + review.rating(),
                    figures.stars.plus(review.rating()), figures.contentQuality.plus(review.contentQuality()),
                    figures.instructorEffectiveness.plus(review.instructorEffectiveness()), List.of());
            long[] month = months.computeIfAbsent(YearMonth.from(review.postedAt().atZone(ZoneOffset.UTC)),
                    key -> new long[2]);
            month[0]++;
            month[1] += review.rating();
        }
        List<Month> trend = new ArrayList<>();
        months.forEach((month, totals) -> trend.add(new Month(month.toString(), totals[0], totals[1])));
        return new RatingFigures(figures.count, figures.sum, figures.stars, figures.contentQuality,
                figures.instructorEffectiveness, trend);
    }

    /** The figures of two sets of reviews together (an instructor's courses). */
    public RatingFigures plus(RatingFigures other) {
        Map<String, long[]> merged = new TreeMap<>();
        for (Month month : java.util.stream.Stream.concat(months.stream(), other.months.stream()).toList()) {
            long[] totals = merged.computeIfAbsent(month.month(), key -> new long[2]);
            totals[0] += month.count();
            totals[1] += month.sum();
        }
        List<Month> trend = new ArrayList<>();
        merged.forEach((month, totals) -> trend.add(new Month(month, totals[0], totals[1])));
        return new RatingFigures(count + other.count, sum + other.sum, stars.plus(other.stars),
                contentQuality.plus(other.contentQuality), instructorEffectiveness.plus(other.instructorEffectiveness),
                trend);
    }

    /** The mean stars, 0 without reviews (as {@code CourseRatingChanged} has it). */
    public double average() {
        Double average = average(sum, count);
        return average == null ? 0 : average;
    }

    /** A mean rounded half up to two decimals, the precision shown everywhere; null for no reviews. */
    static Double average(long sum, long count) {
        if (count == 0) {
            return null;
        }
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP).doubleValue();
    }
}
