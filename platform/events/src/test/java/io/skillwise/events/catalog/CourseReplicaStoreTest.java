package io.skillwise.events.catalog;

import io.skillwise.events.mother.Courses;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule every course replica follows, on a store that keeps status and revision in a map. */
class CourseReplicaStoreTest {

    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final InMemoryStore store = new InMemoryStore();

    @Test
    void aNewerSnapshotReplacesTheCopyAndAnOlderOneChangesNothing() {
        CoursePublished published = Courses.published();
        CourseUpdated repriced = Courses.repriced();

        assertThat(store.apply(published, now)).isTrue();
        assertThat(store.apply(repriced, now)).isTrue();
        assertThat(store.apply(published, now)).as("the older snapshot, redelivered").isFalse();

        assertThat(store.revisions).containsEntry(published.courseId(), repriced.revision());
    }

    @Test
    void anUnpublicationCountsOnlyWhenItIsNewer() {
        CourseUpdated repriced = Courses.repriced();
        store.apply(repriced, now);
        CourseUnpublished stale = new CourseUnpublished(repriced.courseId(), repriced.instructorId(),
                repriced.title(), "old news", repriced.revision() - 1, repriced.instructorId(), now);

        assertThat(store.apply(stale, now)).isFalse();
        assertThat(store.statuses).containsEntry(repriced.courseId(), CourseStatus.PUBLISHED);

        CourseUnpublished newer = new CourseUnpublished(repriced.courseId(), repriced.instructorId(),
                repriced.title(), "withdrawn", repriced.revision() + 1, repriced.instructorId(), now);
        assertThat(store.apply(newer, now)).isTrue();
        assertThat(store.statuses).containsEntry(repriced.courseId(), CourseStatus.UNPUBLISHED);
    }

    @Test
    void aDeletionRemovesTheCourse() {
        CoursePublished published = Courses.published();
        store.apply(published, now);

        assertThat(store.apply(Courses.deleted(), now)).isTrue();

        assertThat(store.revisions).doesNotContainKey(published.courseId());
    }

    private static final class InMemoryStore implements CourseReplicaStore {

        final Map<UUID, Long> revisions = new HashMap<>();
        final Map<UUID, CourseStatus> statuses = new HashMap<>();

        @Override
        public boolean saveIfNewer(CourseState course, Instant now) {
            return changeStatusIfNewer(course.courseId(), course.status(), course.revision(), now);
        }

        @Override
        public boolean changeStatusIfNewer(UUID courseId, CourseStatus status, long revision, Instant now) {
            if (revisions.getOrDefault(courseId, Long.MIN_VALUE) >= revision) {
                return false;
            }
            revisions.put(courseId, revision);
            statuses.put(courseId, status);
            return true;
        }

        @Override
        public void delete(UUID courseId, Instant now) {
            revisions.remove(courseId);
            statuses.remove(courseId);
        }
    }
}
