package io.skillwise.events.catalog;

/** Who a course is aimed at. */
public enum CourseLevel {
    BEGINNER,
    INTERMEDIATE,
    ADVANCED,
    ALL_LEVELS
}
