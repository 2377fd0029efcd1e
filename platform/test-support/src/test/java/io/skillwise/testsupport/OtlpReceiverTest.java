package io.skillwise.testsupport;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class OtlpReceiverTest {

    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String OTHER_TRACE = "0af7651916cd43dd8448eb211c80319c";

    @Test
    void keepsEachSpanWithItsServiceIdsParentKindAndAttributes() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.keepingSpans()) {
            int status = export(receiver.tracesEndpoint("gateway"), request("gateway",
                    span(TRACE, "00f067aa0ba902b7", "", Span.SpanKind.SPAN_KIND_SERVER, "http post"),
                    span(TRACE, "b7ad6b7169203331", "00f067aa0ba902b7", Span.SpanKind.SPAN_KIND_PRODUCER, "orders publish")));

            assertThat(status).isEqualTo(200);
            assertThat(receiver.receivedFor("gateway").exports()).isEqualTo(1);
            assertThat(receiver.receivedTrace("gateway", TRACE)).isTrue();
            assertThat(receiver.receivedTrace("payment", TRACE)).as("another exporter's path").isFalse();
            OtlpReceiver.ReceivedSpan root = receiver.spansOf(TRACE).get(0);
            OtlpReceiver.ReceivedSpan publish = receiver.spansOf(TRACE).get(1);
            assertThat(root.service()).isEqualTo("gateway");
            assertThat(root.kind()).isEqualTo("SERVER");
            assertThat(root.parentSpanId()).isEmpty();
            assertThat(publish.kind()).isEqualTo("PRODUCER");
            assertThat(publish.name()).isEqualTo("orders publish");
            assertThat(publish.attributes()).containsEntry("messaging.system", "kafka");
            assertThat(publish.isChildOf(root)).isTrue();
            assertThat(root.isChildOf(publish)).isFalse();
        }
    }

    @Test
    void keepsOnlyTheWatchedTracesWhenAskedTo() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.keepingWatchedTraces()) {
            receiver.watch(TRACE.toUpperCase());
            export(receiver.tracesEndpoint(), request("payment-service",
                    span(TRACE, "00f067aa0ba902b7", "", Span.SpanKind.SPAN_KIND_SERVER, "watched"),
                    span(OTHER_TRACE, "b7ad6b7169203331", "", Span.SpanKind.SPAN_KIND_SERVER, "not watched")));

            assertThat(receiver.spansOf(TRACE)).extracting(OtlpReceiver.ReceivedSpan::name).containsExactly("watched");
            assertThat(receiver.spansOf(OTHER_TRACE)).isEmpty();
        }
    }

    @Test
    void refusesABodyThatIsNoTraceExportAndCountsNothing() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.keepingSpans()) {
            int status = export(receiver.tracesEndpoint("gateway"), new byte[] {(byte) 0xff, 0x01, 0x02});

            assertThat(status).isEqualTo(400);
            assertThat(receiver.receivedFor("gateway").exports()).isZero();
        }
    }

    @Test
    void aCountingReceiverKeepsNoSpans() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.counting()) {
            export(receiver.tracesEndpoint("gateway"),
                    request("gateway", span(TRACE, "00f067aa0ba902b7", "", Span.SpanKind.SPAN_KIND_SERVER, "x")));

            assertThat(receiver.receivedFor("gateway").exports()).isEqualTo(1);
            assertThat(receiver.receivedFor("gateway").bytes()).isPositive();
        }
    }

    private static byte[] request(String service, Span... spans) {
        return ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(ResourceSpans.newBuilder()
                        .setResource(Resource.newBuilder().addAttributes(attribute("service.name", service)))
                        .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(java.util.List.of(spans))))
                .build().toByteArray();
    }

    private static Span span(String traceId, String spanId, String parentSpanId, Span.SpanKind kind, String name) {
        return Span.newBuilder()
                .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(traceId)))
                .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex(spanId)))
                .setParentSpanId(ByteString.copyFrom(HexFormat.of().parseHex(parentSpanId)))
                .setKind(kind)
                .setName(name)
                .addAttributes(attribute("messaging.system", "kafka"))
                .build();
    }

    private static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static int export(String endpoint, byte[] body) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(endpoint))
                            .header("Content-Type", "application/x-protobuf")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
