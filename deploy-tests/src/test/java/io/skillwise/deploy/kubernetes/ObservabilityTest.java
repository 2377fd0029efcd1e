package io.skillwise.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.RuleGroup;
import io.skillwise.deploy.Command;
import io.skillwise.deploy.Docs;
import io.skillwise.deploy.Repository;
import io.skillwise.deploy.config.Application;
import io.skillwise.deploy.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * deploy/observability: the alert rules (plain files, and the PrometheusRule the production overlay applies) and the
 * Grafana dashboards (a ConfigMap in both overlays). Which metrics their queries read is checked against running
 * applications by the kit's, the gateway's, enrollment-service's and notification-service's {@code MonitoringQueriesIT}.
 */
class ObservabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> RULE_FILES = List.of(
            "deploy/observability/prometheus/services.rules.yaml",
            "deploy/observability/prometheus/gateway.rules.yaml",
            "deploy/observability/prometheus/business.rules.yaml");

    @Test
    void thePrometheusRuleHoldsExactlyTheGroupsOfThePlainRuleFiles() {
        ArrayNode plain = JsonNodeFactory.instance.arrayNode();
        for (String file : RULE_FILES) {
            plain.addAll((ArrayNode) Yaml.document(Repository.path(file)).get("groups"));
        }
        JsonNode applied = Overlay.named("production").objects().stream()
                .filter(object -> object.path("kind").asText().equals("PrometheusRule"))
                .map(object -> object.path("spec").path("groups"))
                .findFirst().orElseThrow(() -> new AssertionError("the production overlay has no PrometheusRule"));

        assertThat(applied).isEqualTo(plain);
    }

    @Test
    void everyAlertHasASeverityADescriptionAndARunbookSectionThatExists() {
        Set<String> sections = Docs.anchors("docs/operations.md");
        List<Rule> alerts = Overlay.named("production").get(PrometheusRule.class, "skillwise-alerts").getSpec()
                .getGroups().stream().map(RuleGroup::getRules).flatMap(List::stream).toList();

        assertThat(alerts).extracting(Rule::getAlert).doesNotHaveDuplicates().contains(
                "SkillWiseConsumerLagGrowing", "SkillWiseConsumerStalled", "SkillWiseOutboxStale", "SkillWiseDeadLetter",
                "SkillWiseWebhookSignatureFailures", "SkillWiseServiceErrorRatio", "SkillWiseGatewayErrorRatio",
                "SkillWiseServiceLatencyBudget", "SkillWiseGatewayLatencyBudget", "SkillWisePodRestarts",
                "SkillWiseDatabasePoolSaturated", "SkillWisePurchaseToEnrollmentSlow", "SkillWiseMailsFailing",
                "SkillWiseRemindersBehind", "SkillWiseFanOutBacklog");
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert.getLabels()).as(alert.getAlert()).containsKey("severity");
            assertThat(alert.getLabels().get("severity")).as(alert.getAlert()).isIn("warning", "critical");
            assertThat(alert.getAnnotations()).as(alert.getAlert()).containsKeys("summary", "description", "runbook");
            String runbook = alert.getAnnotations().get("runbook");
            assertThat(runbook).as(alert.getAlert()).startsWith("docs/operations.md#");
            assertThat(sections).as("%s: the section of %s", alert.getAlert(), runbook)
                    .contains(runbook.substring(runbook.indexOf('#') + 1));
        });
    }

    @Test
    void promtoolAcceptsTheRuleFiles() {
        assumeTrue(Command.run("promtool", "--version").succeeded(),
                "promtool (Debian's prometheus package) is not installed; the rule files are still parsed above");
        List<String> command = new ArrayList<>(List.of("promtool", "check", "rules"));
        RULE_FILES.forEach(file -> command.add(Repository.path(file).toString()));

        Command.Result result = Command.run(command, Map.of());

        assertThat(result.succeeded()).as(result.output() + result.errors()).isTrue();
    }

    @Test
    void composePrometheusScrapesEveryApplicationAsTheServiceMonitorNamesItAndLoadsTheRules() {
        JsonNode config = Yaml.document(Repository.path("deploy/observability/prometheus/prometheus.yml"));
        List<String> jobs = new ArrayList<>();
        config.path("scrape_configs").forEach(job -> {
            jobs.add(job.path("job_name").asText());
            assertThat(job.path("metrics_path").asText()).isEqualTo("/actuator/prometheus");
            assertThat(job.path("static_configs").get(0).path("targets").get(0).asText())
                    .isEqualTo(job.path("job_name").asText() + ":9090");
        });
        List<String> ruleFiles = new ArrayList<>();
        config.path("rule_files").forEach(file -> ruleFiles.add("deploy/observability/prometheus/" + file.asText()));

        assertThat(jobs).containsExactlyInAnyOrderElementsOf(Application.all().stream().map(Application::name).toList());
        assertThat(ruleFiles).containsExactlyInAnyOrderElementsOf(RULE_FILES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyDashboardIsInTheConfigMapGrafanasSidecarLoads(String overlayName) throws IOException {
        ConfigMap dashboards = Overlay.named(overlayName).get(ConfigMap.class, "skillwise-grafana-dashboards");
        List<Path> files;
        try (Stream<Path> list = Files.list(Repository.path("deploy/observability/grafana"))) {
            files = list.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }

        assertThat(dashboards.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(dashboards.getData().keySet()).containsExactlyInAnyOrderElementsOf(
                files.stream().map(path -> path.getFileName().toString()).toList());
        Set<String> uids = new HashSet<>();
        for (Path file : files) {
            JsonNode dashboard = JSON.readTree(dashboards.getData().get(file.getFileName().toString()));
            assertThat(dashboard).as(file.toString()).isEqualTo(JSON.readTree(Files.readString(file)));
            assertThat(uids.add(dashboard.path("uid").asText())).as("unique uid of %s", file).isTrue();
            assertThat(dashboard.path("title").asText()).as(file.toString()).isNotBlank();
            assertThat(dashboard.path("panels")).as(file.toString()).isNotEmpty();
            dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> assertThat(
                    target.path("datasource").path("uid").asText()).as("%s: %s", file, panel.path("title"))
                    .isEqualTo("${datasource}")));
        }
    }
}
