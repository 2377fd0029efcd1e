package io.skillwise.testsupport;

import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A service or the gateway called over HTTP the way an app calls it, for tests of every module.
 *
 * <pre>{@code
 * ApiClient api = ApiClient.api(port);                       // http://127.0.0.1:<port>/api/v1
 * ApiResponse created = api.as(instructor).post("/courses", Map.of("title", "Java"));
 * created.assertStatus(201);
 * api.get("/courses/" + created.id());                       // anonymous
 * api.as(student).delete("/courses/" + id).assertProblem(403);
 * }</pre>
 *
 * A client is immutable: {@link #as(TestUser)}, {@link #withToken(String)} and {@link #withHeader(String, String)}
 * answer a new client and leave this one as it was. Bodies are sent as JSON ({@code null}: no body; a
 * {@code String}: sent as it is, for deliberately broken JSON). A path starting with {@code http} is used as a
 * whole URL, anything else is appended to the base URL. Requests use HTTP/1.1, as browsers and load balancers
 * speak to the gateway, and wait up to a minute (Keycloak behind identity-service can be slow on a busy machine).
 */
public final class ApiClient {

    /** The mapper tests use to write request bodies and read answers. */
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;
    private final Map<String, String> headers;

    private ApiClient(String baseUrl, Map<String, String> headers) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.headers = Map.copyOf(headers);
    }

    /** The public API of a service or the gateway on this machine: {@code http://127.0.0.1:<port>/api/v1}. */
    public static ApiClient api(int port) {
        return at("http://127.0.0.1:" + port + "/api/v1");
    }

    /** Everything else on that port, from its root: {@code /actuator/...}, {@code /v3/api-docs}, {@code /internal/...}. */
    public static ApiClient root(int port) {
        return at("http://127.0.0.1:" + port);
    }

    public static ApiClient at(String baseUrl) {
        return new ApiClient(baseUrl, Map.of());
    }

    /** Calls as this user, with a token {@link TestTokens#shared()} signs; {@code null} calls anonymously. */
    public ApiClient as(TestUser user) {
        return user == null ? anonymous() : withToken(TestTokens.shared().tokenFor(user));
    }

    /** Calls with this access token (Keycloak's, or a forged one); {@code null} calls anonymously. */
    public ApiClient withToken(String accessToken) {
        return accessToken == null ? anonymous() : withHeader("Authorization", "Bearer " + accessToken);
    }

    /** Calls without an {@code Authorization} header. */
    public ApiClient anonymous() {
        return withHeader("Authorization", null);
    }

    /** Sends this header with every request; a {@code null} value removes it. */
    public ApiClient withHeader(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        if (value != null) {
            changed.put(name, value);
        }
        return new ApiClient(baseUrl, changed);
    }

    public ApiResponse get(String path) {
        return send("GET", path, null);
    }

    public ApiResponse post(String path, Object body) {
        return send("POST", path, body);
    }

    public ApiResponse put(String path, Object body) {
        return send("PUT", path, body);
    }

    public ApiResponse patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, null);
    }

    /** Any method with a JSON body ({@code null}: none). */
    public ApiResponse send(String method, String path, Object body) {
        HttpRequest.Builder request = request(path);
        if (body == null) {
            return send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        byte[] json = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        return send(request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(json)));
    }

    /** An HTML form post ({@code application/x-www-form-urlencoded}), as Keycloak's token endpoint takes it. */
    public ApiResponse postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A multipart {@code PUT} of one file in the part named {@code file}, as a browser uploads it. */
    public ApiResponse upload(String path, String fileName, String contentType, byte[] content) {
        String boundary = "skillwise-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /**
     * A request to the path with this client's headers, for what the methods above do not cover (a preflight, a
     * chunked body, a shorter timeout); hand it to {@link #send(HttpRequest.Builder)}.
     */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(TIMEOUT);
        headers.forEach(request::header);
        return request;
    }

    public ApiResponse send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = HTTP.send(built, HttpResponse.BodyHandlers.ofByteArray());
            return new ApiResponse(built.method(), built.uri(), response.statusCode(), response.headers(),
                    response.body(), Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException("request failed: " + built.method() + " " + built.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a request line exactly as written, without the normalisation every HTTP client applies to targets such
     * as {@code /a/../b} or {@code %2e%2e}, and answers the status code. For tests of path traversal defences.
     */
    public int statusOfRawRequestLine(String method, String rawTarget) {
        URI base = URI.create(baseUrl);
        try (Socket socket = new Socket(InetAddress.getByName(base.getHost()), base.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + rawTarget + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL a path resolves to. */
    public String url(String path) {
        return path.startsWith("http://") || path.startsWith("https://") ? path : baseUrl + path;
    }
}
