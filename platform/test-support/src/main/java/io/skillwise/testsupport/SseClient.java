package io.skillwise.testsupport;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A client of a server-sent event stream, as an app would hold one open: reads the stream line by line on its own
 * thread and parses it by the SSE rules (fields until a blank line make one event; lines starting with a colon are
 * comments). Events and comments are queued with the moment they arrived.
 */
public final class SseClient implements AutoCloseable {

    /** One event: {@code id}, {@code event} (the name) and {@code data}, and when it arrived. */
    public record Event(String id, String name, String data, Instant receivedAt) {

        public JsonNode json() {
            return ApiClient.JSON.readTree(data);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;
    private volatile boolean ended;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    /**
     * Opens the stream; answers once the response headers are in.
     *
     * @param authorization the {@code Authorization} header, or null
     * @param lastEventId   the {@code Last-Event-ID} header, or null
     */
    public static SseClient open(String url, String authorization, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new SseClient(HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new AssertionError("could not open " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The next event, waiting up to {@code timeout}; null if none came. */
    public Event next(Duration timeout) {
        try {
            return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next event, or a failure naming what was awaited. */
    public Event expect(Duration timeout, String what) {
        Event event = next(timeout);
        if (event == null) {
            throw new AssertionError("no event within " + timeout + ": expected " + what);
        }
        return event;
    }

    /** The next comment line (without its colon), waiting up to {@code timeout}; null if none came. */
    public String nextComment(Duration timeout) {
        try {
            return comments.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Events received so far and not taken. */
    public List<Event> pending() {
        List<Event> drained = new ArrayList<>();
        events.drainTo(drained);
        return drained;
    }

    /** True once the server ended the stream. */
    public boolean ended() {
        return ended;
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name == null ? "message" : name, data.toString(), Instant.now()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String raw = colon < 0 ? "" : line.substring(colon + 1);
                    String value = raw.startsWith(" ") ? raw.substring(1) : raw;
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { }                  // retry and unknown fields
                    }
                }
            }
        } catch (RuntimeException closed) {
            // the stream was closed from this side
        } finally {
            ended = true;
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        response.body().close();
    }
}
