package io.skillwise.events;

import static io.skillwise.events.mother.Samples.COURSE;
import static io.skillwise.events.mother.Samples.ENROLLMENT;
import static io.skillwise.events.mother.Samples.INSTRUCTOR;
import static io.skillwise.events.mother.Samples.NOW;
import static io.skillwise.events.mother.Samples.ORDER;
import static io.skillwise.events.mother.Samples.STUDENT;
import static io.skillwise.events.mother.Samples.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.catalog.LessonOutline;
import io.skillwise.events.catalog.LessonType;
import io.skillwise.events.catalog.QuizQuestion;
import io.skillwise.events.common.Money;
import io.skillwise.events.enrollment.EnrollmentSource;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.events.mother.Courses;
import io.skillwise.events.mother.Orders;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.OrderLine;
import io.skillwise.events.review.CourseRatingChanged;
import io.skillwise.events.review.RatingDistribution;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules the records enforce, so that a consumer can rely on them without checking again. */
class EventInvariantsTest {

    @Test
    void moneyIsNonNegativeMinorUnitsOfAnIsoCurrency() {
        assertThat(Money.of(100, "EUR").plus(Money.of(5, "EUR"))).isEqualTo(Money.of(105, "EUR"));
        assertThatThrownBy(() -> Money.of(-1, "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(1, "eur")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(1, "EUR").plus(Money.of(1, "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOrderLinePaysItsPriceLessItsDiscount() {
        assertThatThrownBy(() -> new OrderLine(COURSE, INSTRUCTOR, null, usd(4999), usd(1000), usd(4999), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not price");
        assertThatThrownBy(() -> new OrderLine(COURSE, INSTRUCTOR, null, usd(4999), usd(1000), usd(3999), usd(4000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds");
    }

    @Test
    void aPurchaseTotalIsTheSumOfItsLines() {
        assertThatThrownBy(() -> new CoursePurchased(ORDER, STUDENT, Orders.bundleLines(), null, usd(6499), usd(1500),
                null, null, null, null, null, NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the sums of its lines");
        assertThatThrownBy(() -> new CoursePurchased(ORDER, STUDENT, List.of(), null, usd(0), usd(0),
                null, null, null, null, null, NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no lines");
        assertThat(Orders.bundlePurchased().courseIds()).hasSize(2);
    }

    @Test
    void aFreeCourseHasNoPriceAndAPaidOneHasOne() {
        assertThatThrownBy(() -> new CoursePublished(COURSE, INSTRUCTOR, "t", null, Courses.PROGRAMMING,
                CourseLevel.BEGINNER, "en", CourseStatus.PUBLISHED, true, usd(100), List.of(), 1, INSTRUCTOR, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CoursePublished(COURSE, INSTRUCTOR, "t", null, Courses.PROGRAMMING,
                CourseLevel.BEGINNER, "en", CourseStatus.PUBLISHED, false, null, List.of(), 1, INSTRUCTOR, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyQuizLessonsCarryAQuizAndSchedulesAreAbsoluteOrRelative() {
        UUID lesson = UUID.randomUUID();

        assertThatThrownBy(() -> new LessonOutline(lesson, "t", 0, LessonType.VIDEO, null, false,
                null, null, null, null, Courses.quiz())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LessonOutline(lesson, "t", 0, LessonType.QUIZ, null, false,
                null, null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LessonOutline(lesson, "t", 0, LessonType.TEXT, null, false,
                NOW, 3, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuizQuestion("q", List.of("a", "b"), List.of(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void curriculumLessonsComeInCurriculumOrder() {
        assertThat(Courses.published().lessons()).extracting(LessonOutline::position).containsExactly(0, 1, 2);
    }

    @Test
    void anEnrollmentNamesExactlyWhatEntitlesIt() {
        assertThatThrownBy(() -> new StudentEnrolled(ENROLLMENT, COURSE, STUDENT, INSTRUCTOR,
                EnrollmentSource.PURCHASE, null, null, NOW, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StudentEnrolled(ENROLLMENT, COURSE, STUDENT, INSTRUCTOR,
                EnrollmentSource.FREE, ORDER, null, NOW, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRatingAggregateAddsUp() {
        assertThatThrownBy(() -> new CourseRatingChanged(COURSE, INSTRUCTOR, 4.0, 3,
                new RatingDistribution(0, 0, 0, 1, 1), null, null, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CourseRatingChanged(COURSE, INSTRUCTOR, 4.0, 0,
                new RatingDistribution(0, 0, 0, 0, 0), null, null, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsInEventsAreImmutableCopies() {
        List<OrderLine> lines = new java.util.ArrayList<>(Orders.bundleLines());
        CoursePurchased purchase = new CoursePurchased(ORDER, STUDENT, lines, null, usd(6498), usd(1500),
                null, null, null, null, null, NOW, NOW);

        lines.clear();

        assertThat(purchase.lines()).hasSize(2);
        assertThatThrownBy(() -> purchase.lines().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
