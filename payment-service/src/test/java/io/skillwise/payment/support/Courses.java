package io.skillwise.payment.support;

import io.skillwise.events.catalog.CategoryRef;
import io.skillwise.events.catalog.CourseChange;
import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.catalog.CourseUpdated;
import io.skillwise.events.catalog.LessonOutline;
import io.skillwise.events.catalog.LessonType;
import io.skillwise.events.catalog.ModuleOutline;
import io.skillwise.events.common.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Catalog's course snapshots, as catalog publishes them. */
public final class Courses {

    private static final CategoryRef CATEGORY = new CategoryRef(UUID.randomUUID(), "programming", "Programming");

    private Courses() {
    }

    public static CoursePublished published(UUID instructorId, long price) {
        UUID courseId = UUID.randomUUID();
        return new CoursePublished(courseId, instructorId, "Course " + courseId.toString().substring(0, 8), null,
                CATEGORY, CourseLevel.BEGINNER, "en", CourseStatus.PUBLISHED, false, Money.of(price, "USD"),
                List.of(), 1, instructorId, Instant.now());
    }

    /** A published course of one module with a lesson per duration (null: the instructor gave none). */
    public static CoursePublished withLessons(UUID instructorId, long price, Integer... durations) {
        List<LessonOutline> lessons = new ArrayList<>();
        for (Integer seconds : durations) {
            lessons.add(new LessonOutline(UUID.randomUUID(), "Lesson " + (lessons.size() + 1), lessons.size() + 1,
                    LessonType.VIDEO, seconds, false, null, null, null, null, null));
        }
        CoursePublished course = published(instructorId, price);
        return new CoursePublished(course.courseId(), instructorId, course.title(), null, CATEGORY,
                CourseLevel.BEGINNER, "en", CourseStatus.PUBLISHED, false, Money.of(price, "USD"),
                List.of(new ModuleOutline(UUID.randomUUID(), "Module 1", 1, lessons)), 1, instructorId,
                Instant.now());
    }

    public static CoursePublished free(UUID instructorId) {
        UUID courseId = UUID.randomUUID();
        return new CoursePublished(courseId, instructorId, "Free course", null, CATEGORY, CourseLevel.BEGINNER, "en",
                CourseStatus.PUBLISHED, true, null, List.of(), 1, instructorId, Instant.now());
    }

    public static CourseUpdated repriced(CoursePublished course, long price, long revision, CourseStatus status) {
        return new CourseUpdated(course.courseId(), course.instructorId(), course.title(), null, CATEGORY,
                CourseLevel.BEGINNER, "en", status, false, Money.of(price, "USD"), List.of(), revision,
                List.of(CourseChange.PRICE), course.instructorId(), Instant.now());
    }
}
