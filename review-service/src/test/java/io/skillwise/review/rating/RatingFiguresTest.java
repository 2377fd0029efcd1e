package io.skillwise.review.rating;

import io.skillwise.review.rating.RatingViews.TrendPoint;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RatingFiguresTest {

    private static RatingContribution review(int stars, Integer content, Integer teaching, String day) {
        return new RatingContribution(stars, content, teaching, Instant.parse(day + "T12:00:00Z"));
    }

    @Test
    void figuresAreExactSumsAndAveragesRoundHalfUp() {
        RatingFigures figures = RatingFigures.of(List.of(review(5, 4, null, "2025-01-10"),
                review(4, null, null, "2025-01-20"), review(4, 5, 3, "2025-03-01")));

        assertThat(figures.count()).isEqualTo(3);
        assertThat(figures.sum()).isEqualTo(13);
        assertThat(figures.average()).isEqualTo(4.33);
        assertThat(figures.stars()).isEqualTo(new RatingFigures.Stars(0, 0, 0, 2, 1));
        assertThat(figures.contentQuality().average()).isEqualTo(4.5);
        assertThat(figures.instructorEffectiveness().average()).isEqualTo(3.0);
        assertThat(figures.months()).containsExactly(new RatingFigures.Month("2025-01", 2, 9),
                new RatingFigures.Month("2025-03", 1, 4));
        assertThat(RatingFigures.of(List.of(review(1, null, null, "2025-01-01"), review(2, null, null, "2025-01-01"),
                review(2, null, null, "2025-01-01"))).average()).as("5/3 rounds up").isEqualTo(1.67);
        assertThat(RatingFigures.none().average()).isZero();
        assertThat(RatingFigures.none().contentQuality().average()).isNull();
    }

    @Test
    void instructorFiguresAreTheSumOfTheCourses() {
        RatingFigures one = RatingFigures.of(List.of(review(5, 5, null, "2025-01-10")));
        RatingFigures two = RatingFigures.of(List.of(review(2, null, 2, "2025-01-11"),
                review(3, 3, null, "2025-02-01")));

        RatingFigures both = one.plus(two);

        assertThat(both).isEqualTo(RatingFigures.of(List.of(review(5, 5, null, "2025-01-10"),
                review(2, null, 2, "2025-01-11"), review(3, 3, null, "2025-02-01"))));
    }

    @Test
    void trendListsEveryMonthWithTheRatingAsItStood() {
        RatingFigures figures = RatingFigures.of(List.of(review(2, null, null, "2024-11-05"),
                review(5, null, null, "2025-01-10"), review(4, null, null, "2025-01-20")));

        List<TrendPoint> trend = RatingViews.trend(figures, YearMonth.of(2025, 2), 3);

        assertThat(trend).containsExactly(
                new TrendPoint("2024-12", 0, null, 1, 2.0),
                new TrendPoint("2025-01", 2, 4.5, 3, 3.67),
                new TrendPoint("2025-02", 0, null, 3, 3.67));
    }
}
