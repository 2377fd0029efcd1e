package io.skillwise.kit.openapi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesTest {

    @Test
    void theInstanceOfAnExampleProblemIsThePathWithAValueForEachVariable() {
        assertThat(ProblemResponses.examplePath("/api/v1/courses/{id}/modules/{moduleId}"))
                .isEqualTo("/api/v1/courses/7c9e6679-7425-40de-944b-e07fc1f90ae7/modules/"
                        + "7c9e6679-7425-40de-944b-e07fc1f90ae7");
        assertThat(ProblemResponses.examplePath("/admin/dead-letters/{topic}/replay"))
                .isEqualTo("/admin/dead-letters/topic/replay");
        assertThat(ProblemResponses.examplePath("/api/v1/courses")).isEqualTo("/api/v1/courses");
    }
}
