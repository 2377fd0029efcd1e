package io.skillwise.gateway;

import java.time.Duration;

import io.skillwise.gateway.support.GatewayTestBase;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.OtlpReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Tracing ratio 0: nothing is traced, not even when a caller asks for it, and the services are told so. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.tracing.sampling.probability=0",
        "management.opentelemetry.tracing.export.schedule-delay=100ms",
        "skillwise.gateway.rate-limit.anonymous.capacity=100000"})
class TracingOffIT extends GatewayTestBase {

    private static final OtlpReceiver COLLECTOR = OtlpReceiver.counting();

    @DynamicPropertySource
    static void tracing(DynamicPropertyRegistry registry) {
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint", () -> COLLECTOR.tracesEndpoint("gateway"));
    }

    @AfterAll
    static void stopCollector() {
        COLLECTOR.close();
    }

    @Test
    void servicesAreToldNotToRecordAndNoSpanIsExported() {
        ApiResponse unasked = client.get("/api/v1/courses");
        ApiResponse asked = client.withHeader("traceparent",
                "00-" + TracingIT.TRACE_ID + "-" + TracingIT.CALLER_SPAN_ID + "-01").get("/api/v1/courses");

        assertThat(unasked.body().at("/headers/traceparent").asString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00");
        assertThat(asked.body().at("/headers/traceparent").asString())
                .startsWith("00-" + TracingIT.TRACE_ID + "-").endsWith("-00");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(COLLECTOR.receivedFor("gateway").exports()).isZero());
    }
}
