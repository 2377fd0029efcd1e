package io.skillwise.events.mother;

import static io.skillwise.events.mother.Samples.ADMIN;
import static io.skillwise.events.mother.Samples.CATEGORY;
import static io.skillwise.events.mother.Samples.COURSE;
import static io.skillwise.events.mother.Samples.INSTRUCTOR;
import static io.skillwise.events.mother.Samples.LIVE_LESSON;
import static io.skillwise.events.mother.Samples.MODULE;
import static io.skillwise.events.mother.Samples.NOW;
import static io.skillwise.events.mother.Samples.QUIZ_LESSON;
import static io.skillwise.events.mother.Samples.VIDEO_LESSON;
import static io.skillwise.events.mother.Samples.daysLater;
import static io.skillwise.events.mother.Samples.usd;

import io.skillwise.events.catalog.CategoryRef;
import io.skillwise.events.catalog.CourseChange;
import io.skillwise.events.catalog.CourseDeleted;
import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.catalog.CourseUnpublished;
import io.skillwise.events.catalog.CourseUpdated;
import io.skillwise.events.catalog.LessonOutline;
import io.skillwise.events.catalog.LessonType;
import io.skillwise.events.catalog.ModuleOutline;
import io.skillwise.events.catalog.QuizOutline;
import io.skillwise.events.catalog.QuizQuestion;
import java.util.List;
import java.util.UUID;

/** Catalog events: a paid course with a video, a quiz and a scheduled live lesson. */
public final class Courses {

    public static final CategoryRef PROGRAMMING = new CategoryRef(CATEGORY, "programming", "Programming");

    private Courses() {
    }

    public static CoursePublished published() {
        return new CoursePublished(COURSE, INSTRUCTOR, "Java from zero", "Records, streams and more", PROGRAMMING,
                CourseLevel.BEGINNER, "en", CourseStatus.PUBLISHED, false, usd(4999), outline(), 7, INSTRUCTOR, NOW);
    }

    public static CoursePublished publishedFree() {
        return new CoursePublished(COURSE, INSTRUCTOR, "Git basics", null, PROGRAMMING,
                CourseLevel.ALL_LEVELS, "pt-BR", CourseStatus.PUBLISHED, true, null, outline(), 3, INSTRUCTOR, NOW);
    }

    public static CourseUpdated repriced() {
        return new CourseUpdated(COURSE, INSTRUCTOR, "Java from zero", "Records, streams and more", PROGRAMMING,
                CourseLevel.BEGINNER, "en", CourseStatus.PUBLISHED, false, usd(2999), outline(), 8,
                List.of(CourseChange.PRICE, CourseChange.SCHEDULE), INSTRUCTOR, NOW);
    }

    public static CourseUnpublished unpublishedByAdmin() {
        return new CourseUnpublished(COURSE, INSTRUCTOR, "Java from zero", "Copied material", 9, ADMIN, NOW);
    }

    public static CourseDeleted deleted() {
        return new CourseDeleted(COURSE, INSTRUCTOR, INSTRUCTOR, NOW);
    }

    public static List<ModuleOutline> outline() {
        return List.of(new ModuleOutline(MODULE, "Getting started", 0, List.of(
                videoLesson(VIDEO_LESSON, 0),
                quizLesson(QUIZ_LESSON, 1),
                new LessonOutline(LIVE_LESSON, "Live Q&A", 2, LessonType.TEXT, null, false,
                        daysLater(7), null, null, 14, null))));
    }

    public static LessonOutline videoLesson(UUID lessonId, int position) {
        return new LessonOutline(lessonId, "Hello, records", position, LessonType.VIDEO, 540, true,
                null, 2, daysLater(30), null, null);
    }

    public static LessonOutline quizLesson(UUID lessonId, int position) {
        return new LessonOutline(lessonId, "Check yourself", position, LessonType.QUIZ, 300, false,
                null, null, null, null, quiz());
    }

    public static QuizOutline quiz() {
        return new QuizOutline(70, 3, List.of(
                new QuizQuestion("Which keyword declares a record?", List.of("class", "record", "struct"), List.of(1)),
                new QuizQuestion("Which are immutable?", List.of("List.of", "ArrayList", "List.copyOf"), List.of(0, 2))));
    }
}
