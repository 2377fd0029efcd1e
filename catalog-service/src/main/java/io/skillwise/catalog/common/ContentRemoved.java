package io.skillwise.catalog.common;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Lessons, or a whole course, were deleted, and with them the rows of their content files (the database cascades).
 * Published inside the deleting transaction; the content feature removes the stored bytes after the commit only, so a
 * rolled-back deletion never loses the files of a lesson that still exists.
 *
 * @param lessonIds the deleted lessons; empty when the whole course was deleted
 */
public record ContentRemoved(UUID courseId, List<UUID> lessonIds) {

    public ContentRemoved {
        Objects.requireNonNull(courseId, "courseId");
        lessonIds = List.copyOf(lessonIds);
    }

    public static ContentRemoved wholeCourse(UUID courseId) {
        return new ContentRemoved(courseId, List.of());
    }
}
