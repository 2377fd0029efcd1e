package io.skillwise.systemtests;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OwnedObjectsTest {

    @Test
    void aPathNamesAnObjectByTheSegmentBeforeEachVariable() {
        assertThat(OwnedObjects.segmentsOf("/api/v1/courses/{courseId}/reminders/{reminderId}"))
                .containsExactly("courses", "reminders");
        assertThat(OwnedObjects.segmentsOf("/api/v1/reviews/{id}/helpful")).containsExactly("reviews");
        assertThat(OwnedObjects.segmentsOf("/api/v1/profile")).isEmpty();
    }
}
