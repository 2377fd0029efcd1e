package io.skillwise.gateway.security;

import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The identity provider's signing keys, fetched over HTTP and kept in memory.
 * <p>
 * Spring's default JWKS source fetches the key set again for every token whose key id it does not know, so a
 * stream of forged tokens becomes a stream of requests to Keycloak. This one fetches at most once per
 * {@code minRefreshInterval} (once a second while it has no keys at all), shares one fetch between concurrent
 * requests, refreshes keys older than {@code ttl}, and keeps using the keys it has when a refresh fails: a
 * Keycloak restart does not log anybody out.
 */
final class JwkSetCache {

    /** RS256 and its family; {@code none}, HMAC and everything else never verify. */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);

    private static final Logger log = LoggerFactory.getLogger(JwkSetCache.class);
    private static final long FIRST_FETCH_RETRY_NANOS = Duration.ofSeconds(1).toNanos();

    private record Snapshot(JWKSet keys, long fetchedAtNanos) {
    }

    private final WebClient client;
    private final URI jwkSetUri;
    private final long ttlNanos;
    private final long minRefreshNanos;
    private final AtomicReference<Mono<JWKSet>> inFlight = new AtomicReference<>();
    private volatile Snapshot snapshot;
    private volatile long lastAttemptNanos;
    private volatile boolean attempted;

    JwkSetCache(URI jwkSetUri, Duration ttl, Duration minRefreshInterval) {
        this.jwkSetUri = jwkSetUri;
        this.ttlNanos = ttl.toNanos();
        this.minRefreshNanos = minRefreshInterval.toNanos();
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000)
                .responseTimeout(Duration.ofSeconds(5));
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    /** The keys that may have signed this token; empty when none match (the signature check then fails). */
    Flux<JWK> keysFor(SignedJWT token) {
        JWSHeader header = token.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            return Flux.empty();
        }
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
        long now = System.nanoTime();
        Snapshot current = snapshot;
        if (current == null) {
            if (!mayFetch(now, FIRST_FETCH_RETRY_NANOS)) {
                return Flux.error(new IllegalStateException("The signing keys have not been fetched yet"));
            }
            return fetch(now).flatMapIterable(selector::select);
        }
        List<JWK> known = selector.select(current.keys());
        boolean fresh = now - current.fetchedAtNanos() < ttlNanos;
        if ((fresh && !known.isEmpty()) || !mayFetch(now, minRefreshNanos)) {
            return Flux.fromIterable(known);
        }
        return fetch(now).map(selector::select).onErrorReturn(known).flatMapIterable(keys -> keys);
    }

    private boolean mayFetch(long now, long interval) {
        return !attempted || now - lastAttemptNanos >= interval;
    }

    /** Starts a fetch, or joins the one already running. */
    private Mono<JWKSet> fetch(long now) {
        Sinks.One<JWKSet> result = Sinks.one();
        Mono<JWKSet> shared = result.asMono();
        Mono<JWKSet> running = inFlight.compareAndExchange(null, shared);
        if (running != null) {
            return running;
        }
        attempted = true;
        lastAttemptNanos = now;
        client.get().uri(jwkSetUri).retrieve().bodyToMono(String.class)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("The JWKS response was empty")))
                .map(JwkSetCache::parse)
                .subscribe(keys -> {
                    snapshot = new Snapshot(keys, System.nanoTime());
                    inFlight.set(null);
                    result.tryEmitValue(keys);
                }, failure -> {
                    log.warn("Could not fetch the signing keys from {}: {}", jwkSetUri, failure.toString());
                    inFlight.set(null);
                    result.tryEmitError(failure);
                });
        return shared;
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        } catch (ParseException e) {
            throw new IllegalStateException("The JWKS document is not valid: " + e.getMessage(), e);
        }
    }
}
