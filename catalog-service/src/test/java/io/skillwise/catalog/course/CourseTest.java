package io.skillwise.catalog.course;

import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.common.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CourseTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final CurriculumSummary ONE_LESSON = new CurriculumSummary(1, 1, 1);

    static Course draft() {
        return Course.draft(UUID.randomUUID(), UUID.randomUUID(), "Ada", "Title", "Description",
                CourseLevel.BEGINNER, "en", NOW);
    }

    static Course ready() {
        Course course = draft();
        course.fileUnder(UUID.randomUUID());
        course.price(null, Money.of(4999, "USD"));
        course.setObjectives(List.of("Learn things"));
        return course;
    }

    @Test
    void newCourseIsADraft() {
        Course course = draft();
        assertThat(course.status()).isEqualTo(CourseStatus.DRAFT);
        assertThat(course.everPublished()).isFalse();
        assertThat(course.revision()).isZero();
    }

    @Test
    void publishingNeedsCurriculumPriceCategoryAndObjectives() {
        Course course = draft();

        assertThat(course.missingForPublication(new CurriculumSummary(1, 0, 0))).containsExactly(
                "at least one module with at least one lesson", "a price, or free set to true", "a category",
                "learning objectives");
        assertThatThrownBy(() -> course.publish(new CurriculumSummary(0, 0, 0), NOW))
                .isInstanceOfSatisfying(CourseRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(CourseRuleException.Kind.INVALID))
                .hasMessageContaining("a category");
        assertThat(course.status()).isEqualTo(CourseStatus.DRAFT);
    }

    @Test
    void completeCoursePublishesAndMovesItsRevisionOn() {
        Course course = ready();
        course.publish(ONE_LESSON, NOW);
        assertThat(course.status()).isEqualTo(CourseStatus.PUBLISHED);
        assertThat(course.everPublished()).isTrue();
        assertThat(course.publishedAt()).isEqualTo(NOW);
        assertThat(course.revision()).isEqualTo(1);
    }

    @Test
    void freeCourseNeedsNoPrice() {
        Course course = ready();
        course.price(true, null);
        assertThat(course.free()).isTrue();
        assertThat(course.price()).isNull();
        assertThat(course.missingForPublication(ONE_LESSON)).isEmpty();
    }

    @Test
    void priceOfZeroMeansFree() {
        Course course = ready();
        course.price(null, Money.of(0, "USD"));
        assertThat(course.free()).isTrue();
        assertThat(course.price()).isNull();
    }

    @Test
    void freeCourseWithAPriceIsRefused() {
        assertThatThrownBy(() -> draft().price(true, Money.of(100, "USD"))).isInstanceOf(CourseRuleException.class);
        assertThatThrownBy(() -> draft().price(false, Money.of(0, "USD"))).isInstanceOf(CourseRuleException.class);
        assertThatThrownBy(() -> draft().price(false, null)).isInstanceOf(CourseRuleException.class);
    }

    @Test
    void paidAgainKeepsTheLastPrice() {
        Course course = ready();
        course.price(null, Money.of(1000, "EUR"));
        course.price(false, null);
        assertThat(course.price()).isEqualTo(Money.of(1000, "EUR"));
        assertThat(course.free()).isFalse();
    }

    @Test
    void publishedCourseKeepsItsObjectives() {
        Course course = ready();
        course.publish(ONE_LESSON, NOW);
        assertThatThrownBy(() -> course.setObjectives(List.of())).isInstanceOf(CourseRuleException.class);
    }

    @Test
    void publishingTwiceIsAConflict() {
        Course course = ready();
        course.publish(ONE_LESSON, NOW);
        assertThatThrownBy(() -> course.publish(ONE_LESSON, NOW))
                .isInstanceOfSatisfying(CourseRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(CourseRuleException.Kind.CONFLICT));
    }

    @Test
    void onlyAPublishedCourseUnpublishesAndItCanComeBack() {
        Course course = ready();
        assertThatThrownBy(() -> course.unpublish(NOW)).isInstanceOf(CourseRuleException.class);
        course.publish(ONE_LESSON, NOW);
        course.unpublish(NOW);
        assertThat(course.status()).isEqualTo(CourseStatus.UNPUBLISHED);
        course.publish(ONE_LESSON, NOW);
        assertThat(course.status()).isEqualTo(CourseStatus.PUBLISHED);
    }

    @Test
    void courseWithEnrollmentsIsNotDeletable() {
        Course.Builder builder = Course.builder();
        builder.id = UUID.randomUUID();
        builder.instructorId = UUID.randomUUID();
        builder.level = CourseLevel.BEGINNER;
        builder.enrollmentCount = 2;
        Course enrolled = builder.build();
        assertThatThrownBy(enrolled::requireDeletable)
                .isInstanceOfSatisfying(CourseRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(CourseRuleException.Kind.CONFLICT));
        draft().requireDeletable();
    }

    @Test
    void publishedCourseKeepsAModuleWithALesson() {
        Course course = ready();
        course.requireCurriculumKept(new CurriculumSummary(0, 0, 0));
        course.publish(ONE_LESSON, NOW);
        assertThatThrownBy(() -> course.requireCurriculumKept(new CurriculumSummary(1, 0, 0)))
                .isInstanceOfSatisfying(CourseRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(CourseRuleException.Kind.CONFLICT));
        course.requireCurriculumKept(ONE_LESSON);
    }

    @Test
    void tagsAreTrimmedLowerCaseAndUnique() {
        Course course = draft();
        course.setTags(List.of(" Java ", "java", "", "Spring"));
        assertThat(course.tags()).containsExactly("java", "spring");
    }

    @Test
    void blankTitleIsRefused() {
        assertThatThrownBy(() -> draft().rename("  ")).isInstanceOf(CourseRuleException.class);
    }
}
