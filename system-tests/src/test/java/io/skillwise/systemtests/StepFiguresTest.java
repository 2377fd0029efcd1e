package io.skillwise.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.skillwise.systemtests.StepFigures.Endpoint;
import io.skillwise.systemtests.StepFigures.Part;
import org.junit.jupiter.api.Test;

class StepFiguresTest {

    @Test
    void everyEndpointHasItsOwnPercentilesAndErrors() {
        StepFigures figures = new StepFigures();
        for (long millis = 1; millis <= 100; millis++) {
            figures.answered(Part.BROWSING, "course page", millis);
        }
        figures.answered(Part.PURCHASE, "checkout", 40);
        figures.failed(Part.PURCHASE, "checkout");

        assertThat(figures.endpoints()).containsExactly(
                new Endpoint(Part.BROWSING, "course page", 100, 0, 50, 95, 99, 100),
                new Endpoint(Part.PURCHASE, "checkout", 2, 1, 40, 40, 40, 40));
        assertThat(figures.errors()).isEqualTo(1);
    }

    @Test
    void aPartTakesEveryCallOfItsEndpointsTogether() {
        StepFigures figures = new StepFigures();
        for (long millis = 1; millis <= 50; millis++) {
            figures.answered(Part.BROWSING, "anonymous: search a word", millis);
            figures.answered(Part.BROWSING, "signed in: search a word", 50 + millis);
        }
        figures.answered(Part.LEARNING, "lesson completed", 1000);
        figures.failed(Part.BROWSING, "signed in: course reviews");

        Endpoint browsing = figures.all(Part.BROWSING);

        assertThat(browsing.calls()).isEqualTo(101);
        assertThat(browsing.errors()).isEqualTo(1);
        assertThat(browsing.p99()).isEqualTo(99);
        assertThat(browsing.max()).as("the learner's slow call is not browsing").isEqualTo(100);
    }

    @Test
    void anEndpointWhoseEveryCallFailedShowsOnlyErrors() {
        StepFigures figures = new StepFigures();
        figures.failed(Part.LEARNING, "progress in a course");

        assertThat(figures.endpoints()).containsExactly(
                new Endpoint(Part.LEARNING, "progress in a course", 1, 1, 0, 0, 0, 0));
    }

    @Test
    void purchasesThatNeverEnrolledAreCountedApart() {
        StepFigures figures = new StepFigures();
        figures.enrolledAfter(30_000_000);
        figures.enrolledAfter(10_000_000);
        figures.enrollmentNeverSeen();

        StepFigures.Enrollments enrollments = figures.enrollments();

        assertThat(enrollments.sortedNanos()).containsExactly(10_000_000L, 30_000_000L);
        assertThat(enrollments.neverSeen()).isEqualTo(1);
        assertThat(enrollments.millis(50)).isEqualTo(10.0);
    }
}
