package io.skillwise.gateway;

import io.skillwise.gateway.support.GatewayTestBase;
import io.skillwise.testsupport.MonitoringQueries;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.Set;

import static io.skillwise.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every PromQL expression of the gateway's alert rules and the platform overview dashboard (deploy/observability)
 * reads metrics the gateway really exposes on {@code /actuator/prometheus}, after it has routed a call to a service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MonitoringQueriesIT extends GatewayTestBase {

    @Test
    void everyMetricTheGatewayRulesAndOverviewReadIsExposedByTheGateway() {
        Set<String> exposed = exposedAfterARoutedCall();
        MonitoringQueries.assertEveryMetricIsExposed(MonitoringQueries.GATEWAY_FILES, exposed, "gateway");
    }

    @Test
    void metersNothingUnderDeployReadsAreNotRecorded() {
        Set<String> exposed = exposedAfterARoutedCall();
        // logback's event counter (a turbo filter on every logger call), Spring Cloud Gateway's per-route timer and
        // the requests in flight (a long task timer around every request)
        assertThat(exposed).noneMatch(name -> name.startsWith("logback_") || name.startsWith("spring_cloud_gateway_")
                || name.startsWith("http_server_requests_active"));
    }

    /** The metric names on {@code /actuator/prometheus} once a call routed to a service has been recorded. */
    private Set<String> exposedAfterARoutedCall() {
        assertThat(client.get("/api/v1/courses").status()).isEqualTo(200);
        return eventually(Duration.ofSeconds(30),
                () -> MonitoringQueries.exposedNames(client.withToken(issuer.service("notification-service"))
                        .get("/actuator/prometheus").text()),
                names -> assertThat(names).contains("http_server_requests_seconds_count"));
    }
}
