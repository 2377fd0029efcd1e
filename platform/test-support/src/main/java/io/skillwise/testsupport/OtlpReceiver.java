package io.skillwise.testsupport;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenTelemetry collector stand-in in the test JVM: accepts OTLP/HTTP exports ({@code POST <endpoint>}) and
 * counts them per path, so several processes can export to it side by side and be told apart. It answers 200 with an
 * empty body (an empty {@code Export...ServiceResponse}: everything accepted). Payloads are protobuf; a test that
 * wants to find a trace in them asks for them to be kept ({@link #keepingPayloads()}), a benchmark only counts.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** Exports and bytes received on one path. */
    public record Received(long exports, long bytes) {
    }

    private record Counts(AtomicLong exports, AtomicLong bytes, List<byte[]> payloads) {
    }

    private final HttpServer server;
    private final boolean keepPayloads;
    private final Map<String, Counts> received = new ConcurrentHashMap<>();

    private OtlpReceiver(boolean keepPayloads) {
        this.keepPayloads = keepPayloads;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            byte[] payload;
            try (InputStream body = exchange.getRequestBody()) {
                payload = body.readAllBytes();
            }
            Counts counts = received.computeIfAbsent(exchange.getRequestURI().getPath(),
                    path -> new Counts(new AtomicLong(), new AtomicLong(), new CopyOnWriteArrayList<>()));
            counts.exports().incrementAndGet();
            counts.bytes().addAndGet(payload.length);
            if (keepPayloads) {
                counts.payloads().add(payload);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** Counts exports and their size. */
    public static OtlpReceiver counting() {
        return new OtlpReceiver(false);
    }

    /** Also keeps every payload, to look for ids in them. */
    public static OtlpReceiver keepingPayloads() {
        return new OtlpReceiver(true);
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

    /**
     * Whether a kept payload sent to {@code name} carries this trace id (32 hex digits): OTLP's protobuf encoding
     * holds it as its 16 raw bytes.
     */
    public boolean receivedTrace(String name, String traceIdHex) {
        if (!keepPayloads) {
            throw new IllegalStateException("payloads are not kept; use OtlpReceiver.keepingPayloads()");
        }
        byte[] traceId = HexFormat.of().parseHex(traceIdHex);
        Counts counts = received.get(path(name));
        return counts != null && counts.payloads().stream().anyMatch(payload -> contains(payload, traceId));
    }

    private static String path(String name) {
        return "/" + name + "/v1/traces";
    }

    private static boolean contains(byte[] payload, byte[] part) {
        for (int i = 0; i + part.length <= payload.length; i++) {
            if (Arrays.equals(payload, i, i + part.length, part, 0, part.length)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
