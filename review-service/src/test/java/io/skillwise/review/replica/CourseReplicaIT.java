package io.skillwise.review.replica;

import io.skillwise.events.catalog.CourseChange;
import io.skillwise.events.catalog.CourseDeleted;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.catalog.CourseUnpublished;
import io.skillwise.events.catalog.CourseUpdated;
import io.skillwise.review.support.Events;
import io.skillwise.review.support.ReviewApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The course replica follows the catalog's revisions: a late or redelivered snapshot never takes a course back. */
class CourseReplicaIT extends ReviewApiTest {

    @Autowired
    CourseReplica courses;

    @Test
    void olderSnapshotsChangeNothingAndADeletionForgetsTheCourse() {
        CoursePublished published = Events.coursePublished(instructor.id());
        UUID courseId = published.courseId();
        courses.apply(published);
        courses.apply(renamed(published, "Second title", 3));

        courses.apply(renamed(published, "Late title", 2));
        courses.apply(published);
        assertThat(courses.titles(List.of(courseId))).containsEntry(courseId, "Second title");

        courses.apply(new CourseUnpublished(courseId, instructor.id(), "Second title", "Outdated", 4,
                instructor.id(), Instant.now()));
        courses.apply(renamed(published, "Before the unpublication", 3));
        assertThat(courses.find(courseId)).hasValueSatisfying(course -> {
            assertThat(course.status()).isEqualTo(CourseStatus.UNPUBLISHED);
            assertThat(course.title()).isEqualTo("Second title");
            assertThat(course.instructorId()).isEqualTo(instructor.id());
            assertThat(course.revision()).isEqualTo(4);
        });

        courses.apply(new CourseDeleted(courseId, instructor.id(), instructor.id(), Instant.now()));
        assertThat(courses.find(courseId)).isEmpty();
        assertThat(courses.instructorOf(courseId)).isEmpty();
    }

    private static CourseUpdated renamed(CoursePublished course, String title, long revision) {
        return new CourseUpdated(course.courseId(), course.instructorId(), title, course.subtitle(), course.category(),
                course.level(), course.language(), course.status(), course.free(), course.price(), course.modules(),
                revision, List.of(CourseChange.DETAILS), course.actorId(), Instant.now());
    }
}
