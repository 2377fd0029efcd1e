package io.skillwise.promotion.support;

import io.skillwise.events.catalog.CategoryRef;
import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.catalog.LessonOutline;
import io.skillwise.events.catalog.LessonType;
import io.skillwise.events.catalog.ModuleOutline;
import io.skillwise.events.common.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Catalog events as catalog-service publishes them. */
public final class Courses {

    private static final CategoryRef CATEGORY = new CategoryRef(UUID.randomUUID(), "programming", "Programming");

    private Courses() {
    }

    /** A published course of the instructor at a price in USD cents. */
    public static CoursePublished published(UUID instructorId, long price) {
        UUID courseId = UUID.randomUUID();
        LessonOutline lesson = new LessonOutline(UUID.randomUUID(), "Intro", 0, LessonType.TEXT, 300, false, null,
                null, null, null, null);
        return new CoursePublished(courseId, instructorId, "Course " + courseId.toString().substring(0, 8), null,
                CATEGORY, CourseLevel.BEGINNER, "en", CourseStatus.PUBLISHED, false, Money.of(price, "USD"),
                List.of(new ModuleOutline(UUID.randomUUID(), "Module 1", 0, List.of(lesson))), 1, instructorId,
                Instant.now());
    }
}
