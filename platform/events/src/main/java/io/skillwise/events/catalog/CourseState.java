package io.skillwise.events.catalog;

import io.skillwise.events.common.Money;
import java.util.List;
import java.util.UUID;

/**
 * Everything other services replicate about a course. Both {@link CoursePublished} and {@link CourseUpdated}
 * implement it with record components of the same names, so one replica method handles both.
 */
public interface CourseState {

    UUID courseId();

    UUID instructorId();

    String title();

    /** Absent when the course has none. */
    String subtitle();

    CategoryRef category();

    CourseLevel level();

    /** BCP 47 language tag of the teaching language, e.g. {@code en} or {@code pt-BR}. */
    String language();

    CourseStatus status();

    /** Free courses are enrolled without payment and never sold. */
    boolean free();

    /** The list price; absent exactly when {@link #free()} is true. */
    Money price();

    /** The curriculum outline, modules in {@code position} order. */
    List<ModuleOutline> modules();

    /**
     * Grows by one with every change to the course, so a replica can ignore a snapshot older than the one it holds
     * (after a redelivery, or when it rebuilds from the beginning of the topic).
     */
    long revision();

    /** Every lesson of the course, in curriculum order. */
    default List<LessonOutline> lessons() {
        return modules().stream().flatMap(module -> module.lessons().stream()).toList();
    }
}
