package io.skillwise.events.catalog;

import static java.util.Objects.requireNonNull;

import io.skillwise.events.common.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A course that has been published at least once changed: details, price, curriculum or schedule. Carries the whole
 * course, not a diff, so every replica simply overwrites what it holds (compare {@code revision}).
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
 * @param changes      which parts of the course changed, never empty
 * @param actorId      who made the change: the owner or an admin
 * @param occurredAt   when the change was committed
 */
public record CourseUpdated(
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
        List<CourseChange> changes,
        UUID actorId,
        Instant occurredAt) implements CourseEvent, CourseState {

    public CourseUpdated {
        requireNonNull(courseId, "courseId");
        requireNonNull(instructorId, "instructorId");
        requireNonNull(title, "title");
        requireNonNull(category, "category");
        requireNonNull(level, "level");
        requireNonNull(language, "language");
        requireNonNull(status, "status");
        CourseInvariants.priceMatchesFreeFlag(courseId, free, price);
        modules = List.copyOf(requireNonNull(modules, "modules"));
        changes = List.copyOf(requireNonNull(changes, "changes"));
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("an update of course " + courseId + " must say what changed");
        }
        requireNonNull(actorId, "actorId");
        requireNonNull(occurredAt, "occurredAt");
    }
}
