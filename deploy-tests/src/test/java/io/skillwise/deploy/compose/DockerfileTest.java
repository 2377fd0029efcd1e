package io.skillwise.deploy.compose;

import io.skillwise.deploy.Repository;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/docker/Dockerfile, read instruction by instruction: the image runs unprivileged, healthy only when ready. */
class DockerfileTest {

    private record Instruction(String keyword, String arguments) {
    }

    @Test
    void theImageRunsUnprivilegedWithTheProductionJvmSettingsAndAReadinessHealthCheck() {
        List<Instruction> instructions = instructions(Repository.read("deploy/docker/Dockerfile"));
        List<Instruction> finalStage = instructions.subList(lastIndexOf(instructions, "FROM"), instructions.size());

        assertThat(finalStage).filteredOn(i -> i.keyword().equals("USER")).singleElement()
                .satisfies(user -> assertThat(user.arguments()).isEqualTo("10001:10001"));
        assertThat(finalStage).filteredOn(i -> i.keyword().equals("HEALTHCHECK")).singleElement()
                .satisfies(check -> assertThat(check.arguments()).endsWith("CMD [\"/opt/skillwise/healthcheck\"]"));
        assertThat(finalStage).filteredOn(i -> i.keyword().equals("COPY")).extracting(Instruction::arguments)
                .contains("deploy/jvm/production.env /opt/skillwise/jvm.env");
        assertThat(finalStage).filteredOn(i -> i.keyword().equals("ENTRYPOINT")).singleElement()
                .satisfies(entry -> assertThat(entry.arguments()).isEqualTo("[\"/opt/skillwise/start\"]"));
        assertThat(finalStage).filteredOn(i -> i.keyword().equals("ENV")).singleElement()
                .satisfies(env -> assertThat(env.arguments()).contains("MANAGEMENT_SERVER_PORT=9090", "SERVER_ADDRESS=0.0.0.0"));
        assertThat(Repository.read("deploy/docker/healthcheck.sh")).contains("/actuator/health/readiness");
    }

    /** Dockerfile syntax: one instruction per logical line (a trailing backslash continues it), # comments. */
    private static List<Instruction> instructions(String dockerfile) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        for (String line : dockerfile.lines().toList()) {
            String trimmed = line.strip();
            if (logical.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                logical.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            logical.append(trimmed);
            String text = logical.toString().strip();
            int space = text.indexOf(' ');
            instructions.add(new Instruction(text.substring(0, space).toUpperCase(Locale.ROOT), text.substring(space + 1).strip()));
            logical.setLength(0);
        }
        return instructions;
    }

    private static int lastIndexOf(List<Instruction> instructions, String keyword) {
        for (int i = instructions.size() - 1; i >= 0; i--) {
            if (instructions.get(i).keyword().equals(keyword)) {
                return i;
            }
        }
        throw new AssertionError("no " + keyword);
    }
}
