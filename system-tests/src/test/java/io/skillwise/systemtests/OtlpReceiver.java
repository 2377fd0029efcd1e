package io.skillwise.systemtests;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenTelemetry collector stand-in in the test JVM: accepts OTLP/HTTP exports ({@code POST .../v1/traces}) and
 * counts them per path, so several processes can export to it side by side and be told apart. It answers 200 with an
 * empty body (an empty {@code ExportTraceServiceResponse}: everything accepted).
 */
final class OtlpReceiver implements AutoCloseable {

    /** Exports and bytes received on one path. */
    record Received(long exports, long bytes) {
    }

    private final HttpServer server;
    private final Map<String, AtomicLong[]> received = new ConcurrentHashMap<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            long bytes;
            try (InputStream body = exchange.getRequestBody()) {
                bytes = body.transferTo(OutputStream.nullOutputStream());
            }
            AtomicLong[] counts = received.computeIfAbsent(exchange.getRequestURI().getPath(),
                    path -> new AtomicLong[] {new AtomicLong(), new AtomicLong()});
            counts[0].incrementAndGet();
            counts[1].addAndGet(bytes);
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** The endpoint URL to configure in one exporter ({@code management.opentelemetry.tracing.export.otlp.endpoint}). */
    String tracesEndpoint(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + "/v1/traces";
    }

    Received receivedFor(String name) {
        AtomicLong[] counts = received.get("/" + name + "/v1/traces");
        return counts == null ? new Received(0, 0) : new Received(counts[0].get(), counts[1].get());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
