package io.skillwise.gateway;

import java.time.Duration;

import io.skillwise.gateway.support.FreePorts;
import io.skillwise.gateway.support.GatewayInfrastructureExtension;
import io.skillwise.gateway.support.GatewayTestInfrastructure;
import io.skillwise.gateway.support.TestIssuer;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.OtlpReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every request traced (ratio 1.0), spans exported to an OTLP receiver: the gateway's span sits between the caller
 * and the service, the service continues the trace, the span reaches the collector, and what the gateway logs about
 * a request names its request id and trace. Analytics is stopped, to have something logged.
 */
@ExtendWith({GatewayInfrastructureExtension.class, OutputCaptureExtension.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.tracing.sampling.probability=1.0",
        "management.opentelemetry.tracing.export.schedule-delay=100ms",
        "logging.level.io.skillwise.gateway.problem=DEBUG",
        "skillwise.gateway.rate-limit.user.capacity=100000",
        "skillwise.gateway.rate-limit.anonymous.capacity=100000"})
@DirtiesContext
class TracingIT {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String CALLER_SPAN_ID = "00f067aa0ba902b7";

    private static final OtlpReceiver COLLECTOR = OtlpReceiver.keepingSpans();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        GatewayTestInfrastructure.get().register(registry);
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint", () -> COLLECTOR.tracesEndpoint("gateway"));
        registry.add("skillwise.gateway.services.analytics", () -> "http://127.0.0.1:" + FreePorts.next());
    }

    @LocalServerPort
    int port;

    ApiClient client;
    TestIssuer issuer;

    @BeforeEach
    void connect() {
        client = ApiClient.root(port);
        issuer = GatewayTestInfrastructure.get().issuer();
    }

    @AfterAll
    static void stopCollector() {
        COLLECTOR.close();
    }

    @Test
    void theServiceContinuesTheCallersTraceUnderTheGatewaysSpan() {
        ApiResponse reply = client.withHeader("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01")
                .get("/api/v1/courses");

        String downstream = reply.body().at("/headers/traceparent").asString();
        String[] parts = downstream.split("-");
        assertThat(parts[0]).isEqualTo("00");
        assertThat(parts[1]).as("the caller's trace").isEqualTo(TRACE_ID);
        assertThat(parts[2]).as("the gateway's span, not the caller's").hasSize(16).isNotEqualTo(CALLER_SPAN_ID);
        assertThat(parts[3]).as("sampled").isEqualTo("01");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(COLLECTOR.receivedTrace("gateway", TRACE_ID)).as("the gateway's span exported").isTrue());
    }

    @Test
    void aRequestWithoutTraceContextStartsATraceTheServiceContinues() {
        ApiResponse reply = client.get("/api/v1/courses");

        String downstream = reply.body().at("/headers/traceparent").asString();
        assertThat(downstream).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        String traceId = downstream.split("-")[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(COLLECTOR.receivedTrace("gateway", traceId)).isTrue());
    }

    @Test
    void whatTheGatewayLogsAboutARequestCarriesItsRequestIdAndTrace(CapturedOutput output) {
        String traceId = "0af7651916cd43dd8448eb211c80319c";

        ApiResponse reply = client.withToken(issuer.admin()).withHeader("X-Request-Id", "req-logged-1")
                .withHeader("traceparent", "00-" + traceId + "-b7ad6b7169203331-01").get("/api/v1/instructors/dashboard");

        assertThat(reply.status()).isEqualTo(503);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut().lines()
                .filter(line -> line.contains("analytics unavailable"))
                .filter(line -> line.contains("\"requestId\":\"req-logged-1\""))
                .filter(line -> line.contains("\"traceId\":\"" + traceId + "\""))
                .filter(line -> line.contains("\"spanId\":\"")))
                .as("a log line with the request id, trace id and span id").isNotEmpty());
    }
}
