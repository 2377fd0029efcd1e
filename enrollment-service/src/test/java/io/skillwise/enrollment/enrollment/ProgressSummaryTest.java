package io.skillwise.enrollment.enrollment;

import io.skillwise.enrollment.replica.Course;
import io.skillwise.enrollment.replica.Lesson;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.catalog.LessonType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressSummaryTest {

    private static final Instant ENROLLED = Instant.parse("2026-01-10T10:00:00Z");

    @Test
    void countsOnlyTheLessonsTheCourseHasNow() {
        Lesson kept = lesson(null, null);
        Lesson added = lesson(null, null);
        UUID removed = UUID.randomUUID();
        Course course = course(kept, added);

        ProgressSummary summary = ProgressSummary.of(course, Set.of(kept.id(), removed));

        assertThat(summary).isEqualTo(new ProgressSummary(1, 2, 50));
        assertThat(course.completedBy(Set.of(kept.id(), removed))).isFalse();
        assertThat(course.completedBy(Set.of(kept.id(), added.id()))).isTrue();
    }

    @Test
    void percentRoundsDownSoHundredMeansEverything() {
        Lesson a = lesson(null, null);
        Course course = course(a, lesson(null, null), lesson(null, null));
        assertThat(ProgressSummary.of(course, Set.of(a.id())).percent()).isEqualTo(33);
    }

    @Test
    void aCourseWithoutLessonsIsNeverComplete() {
        assertThat(course().completedBy(Set.of())).isFalse();
        assertThat(ProgressSummary.of(course(), Set.of())).isEqualTo(new ProgressSummary(0, 0, 0));
    }

    @Test
    void dripOpensAtAnAbsoluteTimeOrDaysAfterEnrolling() {
        Lesson absolute = lesson(ENROLLED.plus(Duration.ofDays(3)), null);
        Lesson relative = lesson(null, 7);
        Lesson open = lesson(null, null);

        assertThat(absolute.openAt(ENROLLED.plus(Duration.ofDays(2)), ENROLLED)).isFalse();
        assertThat(absolute.openAt(ENROLLED.plus(Duration.ofDays(3)), ENROLLED)).isTrue();
        assertThat(relative.opensAt(ENROLLED)).contains(ENROLLED.plus(Duration.ofDays(7)));
        assertThat(relative.openAt(ENROLLED.plus(Duration.ofDays(6)), ENROLLED)).isFalse();
        assertThat(open.openAt(ENROLLED, ENROLLED)).isTrue();
    }

    private static Lesson lesson(Instant availableAt, Integer afterDays) {
        return new Lesson(UUID.randomUUID(), "lesson", 0, LessonType.TEXT, 300, availableAt, afterDays, null);
    }

    private static Course course(Lesson... lessons) {
        return new Course(UUID.randomUUID(), UUID.randomUUID(), "course", CourseStatus.PUBLISHED, true, 1,
                List.of(lessons));
    }
}
