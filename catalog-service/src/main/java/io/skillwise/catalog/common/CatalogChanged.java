package io.skillwise.catalog.common;

import java.util.UUID;

/**
 * Something anonymous browsing shows changed (a course, its curriculum, its rating, enrollment count or instructor
 * name). Published inside the changing transaction; {@link BrowsingCache} evicts after the commit.
 *
 * @param courseId the course, or null when the change may touch many
 */
public record CatalogChanged(UUID courseId) {
}
