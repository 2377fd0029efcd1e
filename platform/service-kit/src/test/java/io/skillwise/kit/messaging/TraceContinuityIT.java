package io.skillwise.kit.messaging;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.skillwise.events.Topics;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import io.skillwise.kit.messaging.testapp.DeliveryProbe;
import io.skillwise.kit.messaging.testapp.MessagingTestApplication;
import io.skillwise.testsupport.WithInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.skillwise.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proof 5: one trace from the HTTP request that changed state, through the outbox row and the Kafka record, to the
 * listener that applied the event in another consumer; and a service traces what the gateway (or whoever sent the
 * {@code traceparent}) decided to trace, and its own roots at the gateway's share.
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "skillwise.outbox.topic-suffix=.tracing")
@WithInfrastructure(postgres = true, kafka = true, mongo = true, tokens = true)
@DirtiesContext
class TraceContinuityIT {

    private static final String TOPIC = Topics.IDENTITY_USER + ".tracing";

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @Autowired
    DeliveryProbe probe;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Sampler sampler;

    @Test
    void theConsumerSpanBelongsToTheTraceOfTheRequestThatCommittedTheEvent() {
        String traceId = randomHex(16);
        UUID id = UUID.randomUUID();

        traced(traceId).put("/profiles/" + id, Map.of("displayName", "Traced")).assertStatus(200);

        assertThat(jdbc.sql("select traceparent from outbox_event where event_key = :key")
                .param("key", id.toString()).query(String.class).single()).contains(traceId);
        ConsumerRecord<String, String> record = eventually(Duration.ofSeconds(15),
                () -> TopicRecords.on(kafka).withKey(TOPIC, id.toString()), records -> assertThat(records).isNotEmpty())
                .getFirst();
        assertThat(TopicRecords.header(record, "traceparent")).startsWith("00-" + traceId + "-");
        List<DeliveryProbe.Delivery> deliveries = eventually(Duration.ofSeconds(15), () -> probe.ofKey(id.toString()),
                list -> assertThat(list).isNotEmpty());
        assertThat(deliveries.getFirst().traceId()).isEqualTo(traceId);
    }

    @Test
    void theMongoOutboxCarriesTheTraceToo() {
        String traceId = randomHex(16);
        UUID id = UUID.randomUUID();

        traced(traceId).put("/mongo-profiles/" + id, Map.of("displayName", "Traced")).assertStatus(200);

        List<DeliveryProbe.Delivery> deliveries = eventually(Duration.ofSeconds(15), () -> probe.ofKey(id.toString()),
                list -> assertThat(list).isNotEmpty());
        assertThat(deliveries.getFirst().traceId()).isEqualTo(traceId);
    }

    @Test
    void aServiceKeepsTheUpstreamDecisionAndStartsItsOwnTracesAtTheGatewaysShare() {
        assertThat(sampler.getDescription()).as("the kit's default ratio decides only roots")
                .startsWith("ParentBased{root:TraceIdRatioBased{0.100000}");
        assertThat(decision(parent(TraceFlags.getSampled()))).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decision(parent(TraceFlags.getDefault()))).isEqualTo(SamplingDecision.DROP);
    }

    private SamplingDecision decision(Context parent) {
        String traceId = Span.fromContext(parent).getSpanContext().getTraceId();
        return sampler.shouldSample(parent, traceId, "payment.order.v1 process", SpanKind.CONSUMER, Attributes.empty(),
                List.of()).getDecision();
    }

    /** A remote parent, as a traceparent header from the gateway or a Kafka record brings it. */
    private static Context parent(TraceFlags flags) {
        SpanContext remote = SpanContext.createFromRemoteParent(randomHex(16), randomHex(8), flags, TraceState.getDefault());
        return Context.root().with(Span.wrap(remote));
    }

    /** A student's client calling inside the caller's trace (W3C traceparent with a new parent span). */
    private ApiClient traced(String traceId) {
        return ApiClient.root(port).as(TestUser.student())
                .withHeader("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01");
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C declares invalid
        return HexFormat.of().formatHex(random);
    }
}
