package io.skillwise.gateway.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for Keycloak: an RSA key whose JWKS is served over HTTP, and tokens shaped like Keycloak's
 * (issuer, audience, {@code realm_access.roles}, {@code sid}). Also mints the forgeries the gateway must refuse.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String REALM_PATH = "/realms/skillwise";
    public static final String JWKS_PATH = REALM_PATH + "/protocol/openid-connect/certs";
    public static final String AUDIENCE = "skillwise-api";
    private static final String KEY_ID = "test-signing-key";

    private final HttpServer server;
    private final RSAKey signingKey;
    private final RSAKey otherKey;
    private final AtomicInteger jwksRequests = new AtomicInteger();

    public TestIssuer() {
        this.signingKey = rsaKey(KEY_ID);
        // Same key id as the real one: only the signature can tell them apart.
        this.otherKey = rsaKey(KEY_ID);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] jwks = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext(JWKS_PATH, exchange -> {
            jwksRequests.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(jwks);
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + JWKS_PATH;
    }

    /** How often the gateway fetched the key set. */
    public int jwksRequests() {
        return jwksRequests.get();
    }

    public String student() {
        return token(builder("student-" + UUID.randomUUID(), "student").build());
    }

    public String admin() {
        return token(builder("admin-" + UUID.randomUUID(), "admin").build());
    }

    public String withSession(String sessionId) {
        return token(builder("user-" + UUID.randomUUID(), "student").claim("sid", sessionId).build());
    }

    public String forSubject(String subject, String... roles) {
        return token(builder(subject, roles).build());
    }

    /**
     * A client-credentials token of another service's client ({@code payment-service}, {@code notification-service}),
     * as Keycloak issues it: realm role {@code service}, audience the API, {@code azp} the client.
     */
    public String service(String clientId) {
        return token(builder("service-account-" + clientId, "service").claim("azp", clientId).build());
    }

    /** Claims a valid token would carry; adjust them to make a forgery. */
    public JWTClaimsSet.Builder builder(String subject, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(subject)
                .audience(List.of(AUDIENCE, "account"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString())
                .claim("azp", "skillwise-app")
                .claim("realm_access", Map.of("roles", List.of(roles)));
    }

    /** Signed with the issuer's key. */
    public String token(JWTClaimsSet claims) {
        return sign(claims, signingKey, KEY_ID);
    }

    /** A perfectly shaped token signed by a key the issuer never published. */
    public String signedByOtherKey(JWTClaimsSet claims) {
        return sign(claims, otherKey, KEY_ID);
    }

    /** Signed with the issuer's key but naming a key id that does not exist. */
    public String withUnknownKeyId(JWTClaimsSet claims) {
        return sign(claims, signingKey, "unknown-" + UUID.randomUUID());
    }

    /** {@code alg: none}: no signature at all. */
    public String unsigned(JWTClaimsSet claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    /** The classic algorithm confusion: HS256 keyed with the issuer's public key, which anyone can fetch. */
    public String hmacWithPublicKey(JWTClaimsSet claims) {
        try {
            byte[] secret = signingKey.toRSAPublicKey().getEncoded();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY_ID)
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWTClaimsSet claims, RSAKey key, String keyId) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId)
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(keyId)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyUse(KeyUse.SIGNATURE)
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
