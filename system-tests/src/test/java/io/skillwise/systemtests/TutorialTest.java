package io.skillwise.systemtests;

import io.skillwise.systemtests.Tutorial.Check;
import io.skillwise.systemtests.Tutorial.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TutorialTest {

    @Test
    void theStepsAreTheBashBlocksInOrderWithTheChecksThatFollowThem() {
        Tutorial tutorial = Tutorial.parse("""
                # A page

                <!-- tutorial: skip (the test starts it) -->
                ```bash
                ./skillwise up
                ```

                ```bash
                API=http://127.0.0.1:8080/api/v1
                ```

                ```json
                {"not": "run"}
                ```

                Text between.

                ```bash
                curl -s $API/courses | jq .status   # "PUBLISHED"
                ```
                <!-- tutorial: expect "PUBLISHED" -->

                    indented code is prose, not a step

                ```bash
                curl -s $API/enrollments
                ```
                <!-- tutorial: eventually "status": "ACTIVE" -->
                """);

        assertThat(tutorial.steps()).containsExactly(
                new Step(8, "API=http://127.0.0.1:8080/api/v1\n", Check.NONE, ""),
                new Step(18, "curl -s $API/courses | jq .status   # \"PUBLISHED\"\n", Check.EXPECT, "\"PUBLISHED\""),
                new Step(25, "curl -s $API/enrollments\n", Check.EVENTUALLY, "\"status\": \"ACTIVE\""));
    }

    @Test
    void aCheckThatIsMisspelledOrNamesNothingFailsInsteadOfPassingSilently() {
        assertThatThrownBy(() -> Tutorial.parse("```bash\nls\n```\n<!-- tutorial: expcet 204 -->\n"))
                .hasMessageContaining("unknown tutorial directive");
        assertThatThrownBy(() -> Tutorial.parse("```bash\nls\n```\n<!-- tutorial: expect -->\n"))
                .hasMessageContaining("names no text");
    }
}
