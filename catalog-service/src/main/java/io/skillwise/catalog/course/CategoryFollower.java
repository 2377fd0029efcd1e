package io.skillwise.catalog.course;

import io.skillwise.catalog.common.CategoryRenamed;
import io.skillwise.events.catalog.CourseChange;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.EnumSet;

/**
 * Courses follow their category: on a rename the search document gets the new name, and every course that has been
 * published goes out again as a {@code CourseUpdated} (DETAILS) with the new {@code CategoryRef}, through the outbox in
 * the rename's transaction (the listener runs synchronously inside it), with its revision moved on so replicas that
 * skip stale snapshots apply it. A move in the tree changes nothing here: events carry no parent, and the listing
 * resolves sub-categories when it is asked.
 */
@Component
class CategoryFollower {

    private final CourseRepository courses;
    private final CourseChanges changes;
    private final Clock clock;

    CategoryFollower(CourseRepository courses, CourseChanges changes, Clock clock) {
        this.courses = courses;
        this.changes = changes;
        this.clock = clock;
    }

    @EventListener
    void renamed(CategoryRenamed renamed) {
        courses.copyCategoryName(renamed.categoryId());
        for (Course course : courses.lockEverPublishedIn(renamed.categoryId())) {
            course.touched(clock.instant());
            courses.update(course);
            changes.updated(course, EnumSet.of(CourseChange.DETAILS), renamed.actor());
        }
    }
}
