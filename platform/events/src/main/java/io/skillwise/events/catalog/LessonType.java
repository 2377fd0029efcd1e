package io.skillwise.events.catalog;

/** The kind of content a lesson holds. */
public enum LessonType {
    VIDEO,
    DOCUMENT,
    TEXT,
    QUIZ
}
