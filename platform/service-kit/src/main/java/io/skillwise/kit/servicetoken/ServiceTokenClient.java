package io.skillwise.kit.servicetoken;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's client-credentials token for calls to other services (and to Keycloak's Admin API). One token is
 * fetched and shared by every caller until shortly before it expires ({@code refresh-before}); when it is due, one
 * caller fetches the next while the others wait for it rather than fetching their own. Connect and read timeouts
 * bound every fetch, and Keycloak is reached directly, never through a proxy from the environment.
 */
public class ServiceTokenClient {

    private static final long DEFAULT_LIFETIME_SECONDS = 60;

    private final ServiceTokenProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile CachedToken cached;

    private record CachedToken(String value, Instant renewAt) {
    }

    public ServiceTokenClient(ServiceTokenProperties properties, JsonMapper json, Clock clock) {
        if (properties.tokenUrl() == null || properties.tokenUrl().isBlank() || properties.clientId() == null
                || properties.clientId().isBlank()) {
            throw new IllegalArgumentException("skillwise.service-token.token-url and client-id are required");
        }
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
    }

    /**
     * A token valid for at least {@code refresh-before}, from the cache or fetched now.
     *
     * @throws ServiceTokenException when Keycloak cannot be reached in time or refuses the client
     */
    public String token() {
        CachedToken current = cached;
        if (fresh(current)) {
            return current.value();
        }
        fetching.lock();
        try {
            current = cached;
            if (fresh(current)) {
                return current.value();   // fetched by the caller that held the lock before us
            }
            CachedToken next = fetch();
            cached = next;
            return next.value();
        } finally {
            fetching.unlock();
        }
    }

    /**
     * Forgets a token another service refused (401: revoked, or expired earlier than it said), so the next call
     * fetches a new one. A newer token fetched meanwhile is kept.
     */
    public void rejected(String token) {
        CachedToken current = cached;
        if (current != null && current.value().equals(token)) {
            cached = null;
        }
    }

    private boolean fresh(CachedToken token) {
        return token != null && clock.instant().isBefore(token.renewAt());
    }

    private CachedToken fetch() {
        String form = "grant_type=client_credentials&client_id=" + encode(properties.clientId())
                + "&client_secret=" + encode(properties.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.tokenUrl()))
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        Instant asked = clock.instant();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceTokenException("no service token for " + properties.clientId() + ": "
                    + properties.tokenUrl() + " did not answer (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceTokenException("interrupted while fetching the service token", e);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() != 200 || !answer.path("access_token").isString()) {
            throw new ServiceTokenException("Keycloak refused the service token of " + properties.clientId() + ": "
                    + response.statusCode() + " " + answer.path("error").asString("") + " "
                    + answer.path("error_description").asString(""), null);
        }
        long lifetime = answer.path("expires_in").asLong(DEFAULT_LIFETIME_SECONDS);
        // counted from when it was asked for: the time on the way is already gone from its life
        long keep = Math.max(lifetime - properties.refreshBefore().toSeconds(), lifetime / 2);
        return new CachedToken(answer.path("access_token").asString(), asked.plus(Duration.ofSeconds(keep)));
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (RuntimeException notJson) {
            return json.createObjectNode();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
