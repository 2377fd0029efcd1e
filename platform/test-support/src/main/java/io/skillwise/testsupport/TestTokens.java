package io.skillwise.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A stand-in for Keycloak's token endpoint in integration tests: one RSA key pair, its JWKS served over HTTP on a
 * free loopback port, and RS256 access tokens shaped like the realm's (subject, email, {@code realm_access.roles},
 * audience {@code skillwise-api}, issuer, expiry, session id, client in {@code azp}). Services validate them exactly
 * as they validate Keycloak's, so a test calls an API as a student, an instructor, an admin or another service
 * without starting Keycloak; the real Keycloak is exercised by the system tests.
 *
 * <p>Use {@code @WithInfrastructure(tokens = true)} in a Spring test: it points {@code skillwise.security.issuer} and
 * {@code skillwise.security.jwk-set-uri} here, and the service's Redis at the test Redis, where the logout denylist
 * it checks lives ({@code SessionDenylist}).
 */
public final class TestTokens {

    public static final String AUDIENCE = "skillwise-api";
    public static final String REALM = "skillwise-test";
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestTokens shared;

    private final KeyPair keys;
    private final String keyId;
    private final HttpServer server;
    private final String issuer;

    private TestTokens() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            keyId = UUID.randomUUID().toString();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the test token server", e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/" + REALM;
        String realmPath = "/realms/" + REALM;
        server.createContext(realmPath + "/protocol/openid-connect/certs", exchange -> respond(exchange, jwks()));
        server.createContext(realmPath + "/.well-known/openid-configuration", exchange -> respond(exchange, Map.of(
                "issuer", issuer,
                "jwks_uri", jwkSetUri(),
                "id_token_signing_alg_values_supported", List.of("RS256"))));
        // daemon threads: the server must never keep a finished test JVM alive
        server.setExecutor(command -> Thread.ofPlatform().daemon().name("test-tokens").start(command));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-tokens-shutdown"));
    }

    /** The issuer of this JVM, started on first use. */
    public static synchronized TestTokens shared() {
        if (shared == null) {
            shared = new TestTokens();
        }
        return shared;
    }

    /** The {@code iss} of every token, like Keycloak's {@code http://host/realms/<realm>}. */
    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/protocol/openid-connect/certs";
    }

    /**
     * A valid access token for the user, good for 15 minutes. Instructors' tokens carry {@code mfa_enabled}, as
     * Keycloak maps it for an instructor who turned on TOTP.
     */
    public String tokenFor(TestUser user) {
        return token(user, claims -> { });
    }

    /** {@code "Bearer <token>"}, ready for an {@code Authorization} header. */
    public String bearer(TestUser user) {
        return "Bearer " + tokenFor(user);
    }

    /**
     * A token for the user with its claims changed before signing, for negative tests: an expired token
     * ({@code claims.put("exp", ...)}), another audience, a missing role.
     */
    public String token(TestUser user, Consumer<Map<String, Object>> adjust) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", user.id().toString());
        claims.put("aud", List.of(AUDIENCE));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(LIFETIME).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("sid", UUID.randomUUID().toString());
        claims.put("typ", "Bearer");
        claims.put("azp", user.client());
        claims.put("email", user.email());
        claims.put("email_verified", user.emailVerified());
        claims.put("preferred_username", user.email());
        claims.put("realm_access", Map.of("roles", user.roles().stream().sorted().toList()));
        if (user.roles().contains("instructor")) {
            // instructors must have a second factor to publish and see earnings (SecondFactorPolicy); test
            // instructors have one, a test of the refusal removes the claim
            claims.put("mfa_enabled", true);
        }
        adjust.accept(claims);
        return sign(claims);
    }

    private String sign(Map<String, Object> claims) {
        Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT", "kid", keyId);
        String signingInput = BASE64URL.encodeToString(JSON.writeValueAsBytes(header)) + "."
                + BASE64URL.encodeToString(JSON.writeValueAsBytes(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a test token", e);
        }
    }

    private Map<String, Object> jwks() {
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
        return Map.of("keys", List.of(Map.of(
                "kty", "RSA",
                "kid", keyId,
                "use", "sig",
                "alg", "RS256",
                "n", unsigned(publicKey.getModulus()),
                "e", unsigned(publicKey.getPublicExponent()))));
    }

    // JWK wants the big-endian magnitude without the sign byte BigInteger adds when the top bit is set
    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return BASE64URL.encodeToString(bytes);
    }

    private static void respond(HttpExchange exchange, Map<String, Object> body) throws IOException {
        byte[] json = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }
}
