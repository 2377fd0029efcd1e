package io.skillwise.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What every service must show once it runs: ready, its stores and Kafka reachable, and no entry without a token. */
public final class ServiceChecks {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ServiceChecks() {
    }

    /**
     * @param components the health components that must be UP, e.g. "db", "mongo", "kafka"
     */
    public static void assertRunningWith(int port, String... components) {
        String base = "http://127.0.0.1:" + port;
        assertThat(get(base + "/actuator/health/readiness").statusCode()).as("readiness").isEqualTo(200);
        assertThat(get(base + "/actuator/health/liveness").statusCode()).as("liveness").isEqualTo(200);
        JsonNode health = JSON.readTree(get(base + "/actuator/health").body());
        for (String component : components) {
            assertThat(health.path("components").path(component).path("status").asString())
                    .as("health of %s in %s", component, health).isEqualTo("UP");
        }
    }

    /** A route that needs a token answers 401 as a problem when there is none, and when the token is forged. */
    public static void assertRefusesCallsWithoutValidToken(int port, String path) {
        String url = "http://127.0.0.1:" + port + path;
        HttpResponse<String> anonymous = get(url);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        HttpResponse<String> forged = send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").GET().build());
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
