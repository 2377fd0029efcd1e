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
        assertThat(client.get("/api/v1/courses").status()).isEqualTo(200);

        Set<String> exposed = eventually(Duration.ofSeconds(30),
                () -> MonitoringQueries.exposedNames(client.withToken(issuer.service("notification-service"))
                        .get("/actuator/prometheus").text()),
                names -> assertThat(names).contains("http_server_requests_seconds_count"));
        MonitoringQueries.assertEveryMetricIsExposed(MonitoringQueries.GATEWAY_FILES, exposed, "gateway");
    }

    @Test
    void logEventsAreNotCountedSinceNothingUnderDeployReadsThem() {
        Set<String> exposed = eventually(Duration.ofSeconds(30),
                () -> MonitoringQueries.exposedNames(client.withToken(issuer.service("notification-service"))
                        .get("/actuator/prometheus").text()),
                names -> assertThat(names).contains("jvm_memory_used_bytes"));
        assertThat(exposed).noneMatch(name -> name.startsWith("logback_"));
    }
}
