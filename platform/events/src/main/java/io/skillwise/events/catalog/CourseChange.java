package io.skillwise.events.catalog;

/** Which part of a course a {@link CourseUpdated} touched, so consumers can skip changes they do not care about. */
public enum CourseChange {
    /** Title, subtitle, category, level, language or status. */
    DETAILS,
    /** The price or the free flag. */
    PRICE,
    /** Modules or lessons added, removed, moved or edited, quizzes included. */
    CURRICULUM,
    /** A lesson's {@code availableAt} / {@code dueAt} schedule. */
    SCHEDULE
}
