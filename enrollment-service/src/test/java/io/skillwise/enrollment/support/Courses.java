package io.skillwise.enrollment.support;

import io.skillwise.events.catalog.CategoryRef;
import io.skillwise.events.catalog.CourseChange;
import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.catalog.CourseUpdated;
import io.skillwise.events.catalog.LessonOutline;
import io.skillwise.events.catalog.LessonType;
import io.skillwise.events.catalog.ModuleOutline;
import io.skillwise.events.catalog.QuizOutline;
import io.skillwise.events.catalog.QuizQuestion;
import io.skillwise.events.common.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Catalog events as catalog-service publishes them. */
public final class Courses {

    private static final CategoryRef CATEGORY = new CategoryRef(UUID.randomUUID(), "programming", "Programming");

    private Courses() {
    }

    public static LessonOutline lesson(String title) {
        return new LessonOutline(UUID.randomUUID(), title, 0, LessonType.TEXT, 300, false, null, null, null, null,
                null);
    }

    public static LessonOutline lessonOpeningAt(String title, Instant availableAt) {
        return new LessonOutline(UUID.randomUUID(), title, 0, LessonType.VIDEO, 3600, false, availableAt, null, null,
                null, null);
    }

    /** Two questions: 0 has the single answer 1, 1 needs exactly options 0 and 2. */
    public static LessonOutline quizLesson(String title, int passScore, Integer maxAttempts) {
        QuizOutline quiz = new QuizOutline(passScore, maxAttempts, List.of(
                new QuizQuestion("2 + 2?", List.of("3", "4", "5"), List.of(1)),
                new QuizQuestion("Even numbers?", List.of("2", "3", "4"), List.of(0, 2))));
        return new LessonOutline(UUID.randomUUID(), title, 0, LessonType.QUIZ, null, false, null, null, null, null,
                quiz);
    }

    public static CoursePublished published(UUID instructorId, boolean free, LessonOutline... lessons) {
        return published(instructorId, null, free, lessons);
    }

    /** @param title null for a short title of its own */
    public static CoursePublished published(UUID instructorId, String title, boolean free, LessonOutline... lessons) {
        UUID courseId = UUID.randomUUID();
        return new CoursePublished(courseId, instructorId,
                title != null ? title : "Course " + courseId.toString().substring(0, 8), null,
                CATEGORY, CourseLevel.BEGINNER, "en", CourseStatus.PUBLISHED, free,
                free ? null : Money.of(4999, "USD"), modules(lessons), 1, instructorId, Instant.now());
    }

    /** The same course with another curriculum, at a given revision. */
    public static CourseUpdated updated(CoursePublished course, long revision, LessonOutline... lessons) {
        return new CourseUpdated(course.courseId(), course.instructorId(), course.title(), null, course.category(),
                course.level(), course.language(), CourseStatus.PUBLISHED, course.free(), course.price(),
                modules(lessons), revision, List.of(CourseChange.CURRICULUM), course.instructorId(), Instant.now());
    }

    private static List<ModuleOutline> modules(LessonOutline... lessons) {
        return List.of(new ModuleOutline(UUID.randomUUID(), "Module 1", 0, List.of(lessons)));
    }
}
