package io.skillwise.catalog.course;

import io.skillwise.events.catalog.LessonType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LessonTest {

    static final Quiz QUIZ = new Quiz(70, null, List.of(new Quiz.Question("2 + 2?", List.of("3", "4"), List.of(1))));

    static Lesson lesson(LessonType type, Quiz quiz) {
        return new Lesson(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Lesson", type, null, 60, false,
                null, null, quiz, 0);
    }

    @Test
    void quizLessonsCarryAQuizAndOthersDoNot() {
        assertThat(lesson(LessonType.QUIZ, QUIZ).quiz()).isEqualTo(QUIZ);
        assertThatThrownBy(() -> lesson(LessonType.QUIZ, null)).isInstanceOf(CourseRuleException.class);
        assertThatThrownBy(() -> lesson(LessonType.TEXT, QUIZ)).isInstanceOf(CourseRuleException.class);
    }

    @Test
    void correctOptionsMustPointAtOptions() {
        assertThatThrownBy(() -> new Quiz.Question("?", List.of("a", "b"), List.of(2)))
                .isInstanceOf(CourseRuleException.class);
        assertThatThrownBy(() -> new Quiz.Question("?", List.of("a", "b"), List.of()))
                .isInstanceOf(CourseRuleException.class);
        assertThatThrownBy(() -> new Quiz.Question("?", List.of("a"), List.of(0)))
                .isInstanceOf(CourseRuleException.class);
        assertThatThrownBy(() -> new Quiz.Question("?", List.of("a", "b"), List.of(0, 0)))
                .isInstanceOf(CourseRuleException.class);
    }

    @Test
    void quizNeedsQuestionsAndASensibleScore() {
        assertThatThrownBy(() -> new Quiz(70, null, List.of())).isInstanceOf(CourseRuleException.class);
        assertThatThrownBy(() -> new Quiz(101, null, QUIZ.questions())).isInstanceOf(CourseRuleException.class);
        assertThatThrownBy(() -> new Quiz(50, 0, QUIZ.questions())).isInstanceOf(CourseRuleException.class);
    }

    @Test
    void aLessonIsNotDueBeforeItOpens() {
        Lesson lesson = lesson(LessonType.TEXT, null);
        Instant open = Instant.parse("2030-01-02T00:00:00Z");
        assertThatThrownBy(() -> lesson.with(new Lesson.Changes(null, null, null, null, null, open,
                open.minusSeconds(1), null))).isInstanceOf(CourseRuleException.class);
        Lesson scheduled = lesson.with(new Lesson.Changes(null, null, null, null, null, open, open.plusSeconds(60), null));
        assertThat(scheduled.scheduleDiffers(lesson)).isTrue();
    }

    @Test
    void aScheduleIsAbsoluteOrRelativeNotBoth() {
        Lesson lesson = lesson(LessonType.TEXT, null);
        Instant open = Instant.parse("2030-01-02T00:00:00Z");
        assertThatThrownBy(() -> lesson.with(new Lesson.Changes(null, null, null, null, null, open, null, null, 3,
                null))).isInstanceOf(CourseRuleException.class);
        assertThatThrownBy(() -> lesson.with(new Lesson.Changes(null, null, null, null, null, null, null, null, 7, 3)))
                .isInstanceOf(CourseRuleException.class);
        assertThatThrownBy(() -> lesson.with(new Lesson.Changes(null, null, null, null, null, null, null, null, -1,
                null))).isInstanceOf(CourseRuleException.class);
        Lesson dripped = lesson.with(new Lesson.Changes(null, null, null, null, null, null, open, null, 7, null));
        assertThat(dripped.availableAfterDays()).isEqualTo(7);
        assertThat(dripped.dueAt()).isEqualTo(open);
        assertThat(dripped.scheduleDiffers(lesson)).isTrue();
        assertThat(dripped.at(3).availableAfterDays()).isEqualTo(7);
    }

    @Test
    void turningAQuizIntoTextDropsTheQuizOnlyWhenAsked() {
        Lesson quiz = lesson(LessonType.QUIZ, QUIZ);
        assertThat(quiz.with(new Lesson.Changes("Renamed", null, null, null, null, null, null, null)).quiz())
                .isEqualTo(QUIZ);
        assertThat(quiz.with(new Lesson.Changes(null, LessonType.TEXT, "text", null, null, null, null, null)).quiz())
                .isNull();
    }

    @Test
    void partialChangesKeepTheRest() {
        Lesson lesson = lesson(LessonType.VIDEO, null);
        Lesson changed = lesson.with(new Lesson.Changes(null, null, null, 120, true, null, null, null));
        assertThat(changed.title()).isEqualTo("Lesson");
        assertThat(changed.durationSeconds()).isEqualTo(120);
        assertThat(changed.preview()).isTrue();
        assertThat(changed.type()).isEqualTo(LessonType.VIDEO);
    }
}
