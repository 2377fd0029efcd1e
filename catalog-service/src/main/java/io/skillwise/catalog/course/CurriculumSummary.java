package io.skillwise.catalog.course;

/** What the course rules need to know about the curriculum. */
public record CurriculumSummary(int modules, int modulesWithLessons, int lessons) {
}
