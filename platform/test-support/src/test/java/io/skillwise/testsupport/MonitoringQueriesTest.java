package io.skillwise.testsupport;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MonitoringQueriesTest {

    @Test
    void metricNamesAreTheIdentifiersThatAreNeitherFunctionsNorKeywordsNorLabels() {
        assertThat(MonitoringQueries.metricNames("""
                histogram_quantile(0.99, sum by (job, le) (rate(http_server_requests_seconds_bucket{uri!~"/actuator.*",
                status=~"5.."}[$__rate_interval]))) > 0.5 and on (job) max without (pod) (up offset 5m) == bool 1
                """)).containsExactly("http_server_requests_seconds_bucket", "up");
    }

    @Test
    void aMetricNextToAnOperatorOrAtTheEndIsFound() {
        assertThat(MonitoringQueries.metricNames("hikaricp_connections_active/hikaricp_connections_max>=0.9 or x:y"))
                .containsExactly("hikaricp_connections_active", "hikaricp_connections_max", "x:y");
    }

    @Test
    void stringsDurationsAndGrafanaVariablesAreNoNames() {
        assertThat(MonitoringQueries.metricNames("""
                label_replace(sum(increase(skillwise_consumer_dead_letters_total{job="$service", topic='a}b'}[1h30m])),
                "dst", "$1", "src", "(.*)") * ${factor} + 1e3
                """)).containsExactly("skillwise_consumer_dead_letters_total");
    }

    @Test
    void exposedNamesAreEverySampleLinesName() {
        assertThat(MonitoringQueries.exposedNames("""
                # HELP jvm_threads_live_threads The current number of live threads
                # TYPE jvm_threads_live_threads gauge
                jvm_threads_live_threads 27.0
                http_server_requests_seconds_count{method="GET",status="200",uri="/x"} 3
                """)).containsExactly("http_server_requests_seconds_count", "jvm_threads_live_threads");
    }

    @Test
    void aRuleNamingAMetricNobodyExposesIsReportedWithTheMetric() {
        Set<String> exposed = new HashSet<>(MonitoringQueries.namesReadBy(MonitoringQueries.SERVICE_FILES));
        exposed.remove("skillwise_outbox_oldest_age_seconds");

        assertThat(MonitoringQueries.unexposed(MonitoringQueries.SERVICE_FILES, exposed))
                .containsEntry("services.rules.yaml skillwise-services/SkillWiseOutboxStale",
                        Set.of("skillwise_outbox_oldest_age_seconds"));
    }

    @Test
    void everyRuleFileAndDashboardIsCheckedAgainstARunningApplication() throws IOException {
        Path home = MonitoringQueries.home();
        List<String> files;
        try (Stream<Path> walk = Files.walk(home.resolve(MonitoringQueries.DIRECTORY))) {
            files = walk.filter(path -> path.toString().endsWith(".json") || path.toString().endsWith(".rules.yaml"))
                    .map(path -> home.relativize(path).toString().replace('\\', '/')).toList();
        }

        assertThat(files).containsExactlyInAnyOrderElementsOf(Stream.of(MonitoringQueries.SERVICE_FILES,
                MonitoringQueries.GATEWAY_FILES, MonitoringQueries.BUSINESS_FILES).flatMap(List::stream).toList());
        assertThat(files).allSatisfy(file ->
                assertThat(MonitoringQueries.read(home.resolve(file))).as(file).isNotEmpty());
    }

    @Test
    void everyBusinessMetricHasAnApplicationThatIsCheckedToExposeIt() {
        Set<String> owned = new HashSet<>();
        MonitoringQueries.BUSINESS_METRIC_OWNERS.values().forEach(owner ->
                owned.addAll(MonitoringQueries.businessMetricsOf(owner)));

        assertThat(owned).isEqualTo(MonitoringQueries.namesReadBy(MonitoringQueries.BUSINESS_FILES));
        assertThat(MonitoringQueries.businessMetricsOf("enrollment-service"))
                .contains("skillwise_purchase_to_enrollment_seconds_bucket");
        assertThat(MonitoringQueries.businessMetricsOf("notification-service"))
                .contains("skillwise_notification_mails_total").doesNotContain("skillwise_purchase_to_enrollment_seconds_count");
    }
}
