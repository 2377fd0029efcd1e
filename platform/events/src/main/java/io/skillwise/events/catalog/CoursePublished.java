package io.skillwise.events.catalog;

import static java.util.Objects.requireNonNull;

import io.skillwise.events.common.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A course went on sale (or became free to enrol): first publication, or publication again after it was
 * unpublished. Carries the whole course, so a consumer that missed earlier events still ends up right.
 *
 * @param courseId     the course
 * @param instructorId the instructor who owns it
 * @param title        the title
 * @param subtitle     the subtitle; absent when there is none
 * @param category     the category it is filed under
 * @param level        who it is aimed at
 * @param language     BCP 47 tag of the teaching language
 * @param status       the publication status after this change
 * @param free         enrolment needs no payment
 * @param price        the list price; absent exactly when {@code free}
 * @param modules      the curriculum outline, with quiz answer keys
 * @param revision     grows with every change of the course
 * @param actorId      who made the change: the owner or an admin
 * @param occurredAt   when the change was committed
 */
public record CoursePublished(
        UUID courseId,
        UUID instructorId,
        String title,
        String subtitle,
        CategoryRef category,
        CourseLevel level,
        String language,
        CourseStatus status,
        boolean free,
        Money price,
        List<ModuleOutline> modules,
        long revision,
        UUID actorId,
        Instant occurredAt) implements CourseEvent, CourseState {

    public CoursePublished {
        requireNonNull(courseId, "courseId");
        requireNonNull(instructorId, "instructorId");
        requireNonNull(title, "title");
        requireNonNull(category, "category");
        requireNonNull(level, "level");
        requireNonNull(language, "language");
        requireNonNull(status, "status");
        CourseInvariants.priceMatchesFreeFlag(courseId, free, price);
        modules = List.copyOf(requireNonNull(modules, "modules"));
        requireNonNull(actorId, "actorId");
        requireNonNull(occurredAt, "occurredAt");
    }
}
