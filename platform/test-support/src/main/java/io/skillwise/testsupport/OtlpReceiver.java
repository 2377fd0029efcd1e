package io.skillwise.testsupport;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * An OpenTelemetry collector stand-in in the test JVM: accepts OTLP/HTTP trace exports ({@code POST <endpoint>},
 * protobuf), reads each with OTLP's own protobuf messages and answers 200 with an empty
 * {@code ExportTraceServiceResponse} (everything accepted), or 400 to a body that is no such message, as a collector
 * does. Exports are counted per path, so several processes can export to it side by side and be told apart.
 * <p>
 * What it keeps: nothing but the counts ({@link #counting()}, for benchmarks), every span
 * ({@link #keepingSpans()}), or only the spans of the traces a test announced with {@link #watch} beforehand
 * ({@link #keepingWatchedTraces()}, for a whole platform exporting for as long as a test run lasts).
 */
public final class OtlpReceiver implements AutoCloseable {

    /** Exports and bytes received on one path. */
    public record Received(long exports, long bytes) {
    }

    /**
     * One span as it was exported: the exporting process's {@code service.name}, ids as lower-case hex (an empty
     * parent for a trace's root), the span kind without its prefix ({@code SERVER}, {@code CLIENT},
     * {@code PRODUCER}, {@code CONSUMER}, {@code INTERNAL}) and its string attributes.
     */
    public record ReceivedSpan(String path, String service, String name, String kind, String traceId, String spanId,
                               String parentSpanId, Map<String, String> attributes) {

        public boolean isChildOf(ReceivedSpan parent) {
            return traceId.equals(parent.traceId()) && parentSpanId.equals(parent.spanId());
        }

        @Override
        public String toString() {
            return service + " " + kind + " '" + name + "' " + spanId + " <- " + (parentSpanId.isEmpty() ? "root" : parentSpanId);
        }
    }

    private record Counts(AtomicLong exports, AtomicLong bytes) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private final HttpServer server;
    private final Predicate<String> keepTrace;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final Map<String, Counts> received = new ConcurrentHashMap<>();
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(Mode mode) {
        this.keepTrace = switch (mode) {
            case COUNT -> null;
            case ALL -> traceId -> true;
            case WATCHED -> watched::contains;
        };
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::receive);
        server.start();
    }

    private enum Mode { COUNT, ALL, WATCHED }

    /** Counts exports and their size. */
    public static OtlpReceiver counting() {
        return new OtlpReceiver(Mode.COUNT);
    }

    /** Also keeps every span received. */
    public static OtlpReceiver keepingSpans() {
        return new OtlpReceiver(Mode.ALL);
    }

    /** Also keeps the spans of the traces announced with {@link #watch}, and only those. */
    public static OtlpReceiver keepingWatchedTraces() {
        return new OtlpReceiver(Mode.WATCHED);
    }

    /** Keeps the spans of this trace (32 hex digits) from now on. */
    public void watch(String traceIdHex) {
        watched.add(traceIdHex.toLowerCase(Locale.ROOT));
    }

    /** The base URL every exporter may share; spans are told apart by their {@code service.name}. */
    public String tracesEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    /**
     * An endpoint URL of its own for one exporter, e.g. {@code management.opentelemetry.tracing.export.otlp.endpoint}
     * (OTLP/HTTP sends traces to {@code .../v1/traces}).
     */
    public String tracesEndpoint(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path(name);
    }

    public Received receivedFor(String name) {
        Counts counts = received.get(path(name));
        return counts == null ? new Received(0, 0) : new Received(counts.exports().get(), counts.bytes().get());
    }

    /** The kept spans of one trace, in the order they arrived. */
    public List<ReceivedSpan> spansOf(String traceIdHex) {
        requireKeeping();
        String traceId = traceIdHex.toLowerCase(Locale.ROOT);
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    /** Whether a span of this trace (32 hex digits) was exported to {@code name}'s endpoint. */
    public boolean receivedTrace(String name, String traceIdHex) {
        requireKeeping();
        String path = path(name);
        return spansOf(traceIdHex).stream().anyMatch(span -> span.path().equals(path));
    }

    private void requireKeeping() {
        if (keepTrace == null) {
            throw new IllegalStateException("spans are not kept; use OtlpReceiver.keepingSpans()");
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] payload;
        try (InputStream body = exchange.getRequestBody()) {
            payload = body.readAllBytes();
        }
        String path = exchange.getRequestURI().getPath();
        ExportTraceServiceRequest request;
        try {
            request = ExportTraceServiceRequest.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
            return;
        }
        Counts counts = received.computeIfAbsent(path, p -> new Counts(new AtomicLong(), new AtomicLong()));
        counts.exports().incrementAndGet();
        counts.bytes().addAndGet(payload.length);
        if (keepTrace != null) {
            keep(path, request);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    private void keep(String path, ExportTraceServiceRequest request) {
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            String service = strings(resourceSpans.getResource().getAttributesList()).getOrDefault("service.name", "");
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                for (Span span : scopeSpans.getSpansList()) {
                    String traceId = hex(span.getTraceId());
                    if (keepTrace.test(traceId)) {
                        spans.add(new ReceivedSpan(path, service, span.getName(),
                                span.getKind().name().replace("SPAN_KIND_", ""), traceId, hex(span.getSpanId()),
                                hex(span.getParentSpanId()), strings(span.getAttributesList())));
                    }
                }
            }
        }
    }

    private static Map<String, String> strings(List<KeyValue> attributes) {
        Map<String, String> values = new LinkedHashMap<>();
        for (KeyValue attribute : attributes) {
            if (attribute.getValue().getValueCase() == AnyValue.ValueCase.STRING_VALUE) {
                values.put(attribute.getKey(), attribute.getValue().getStringValue());
            }
        }
        return values;
    }

    private static String hex(ByteString id) {
        return HEX.formatHex(id.toByteArray());
    }

    private static String path(String name) {
        return "/" + name + "/v1/traces";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
