package io.skillwise.systemtests;

import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.BenchmarkReport;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.skillwise.devstack.Component;
import io.skillwise.devstack.DevStack;
import io.skillwise.devstack.JvmSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The foundation, black-box: the platform starts through devstack, everything reports UP, the real Keycloak
 * issues a token for the local admin, and the gateway lets only real tokens through.
 */
class PlatformStartsIT {

    private static final String PROTECTED = "/api/v1/profile";
    private static DevStack platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void everyServiceAndTheGatewayReportUp() {
        // The start budget is the developers' (local JVM settings); a start with production settings says nothing of it.
        // Figures are written only when asked for (-Dskillwise.benchmark=true -Dskillwise.jvm=local), so an ordinary
        // build leaves docs/benchmarks.md as it is.
        if (RunningPlatform.BENCHMARKS && RunningPlatform.JVM == JvmSettings.LOCAL) {
            BenchmarkReport.record("platform-start", "Local platform start (system-tests, PlatformStartsIT)", """
                    The whole platform started through devstack (the code behind `./skillwise up`) from an empty state
                    folder: stores, Kafka, Keycloak, eight services and the gateway, with the developer JVM settings.
                    Budget: under 90 s on 2 cores once the jars are built.

                    Ready in **%.1f s**.""".formatted(RunningPlatform.startMillis() / 1000.0));
        }
        for (Component component : platform.components()) {
            assertThat(component.isHealthy()).as("%s is healthy", component.name()).isTrue();
        }
        ApiResponse health = ApiClient.at(platform.gatewayUrl()).get("/actuator/health").assertStatus(200);
        assertThat(health.text("status")).isEqualTo("UP");
    }

    @Test
    void protectedRouteNeedsAToken() {
        ApiClient.at(platform.gatewayUrl()).get(PROTECTED).assertProblem(401);
    }

    @Test
    void realKeycloakTokenPassesTheGateway() {
        String token = adminAccessToken();
        ApiResponse response = ApiClient.at(platform.gatewayUrl()).withToken(token).get(PROTECTED);
        assertThat(response.status()).as(response.toString()).isNotEqualTo(401).isNotEqualTo(403).isLessThan(500);
    }

    @Test
    void forgedTokensAreRefused() throws Exception {
        String real = adminAccessToken();
        String[] parts = real.split("\\.");
        Map<String, Object> claims = ApiClient.JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);

        String unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        String otherKey = signWithOwnKey(claims, claims.get("iss").toString(), Instant.now().plusSeconds(300));
        String otherIssuer = masterRealmToken();
        String expired = parts[0] + "." + base64(ApiClient.JSON.writeValueAsString(
                withClaim(claims, "exp", Instant.now().minusSeconds(600).getEpochSecond()))) + "." + parts[2];
        String tampered = parts[0] + "." + base64(ApiClient.JSON.writeValueAsString(
                withClaim(claims, "realm_access", Map.of("roles", List.of("admin", "instructor"))))) + "." + parts[2];

        for (String forged : List.of(unsigned, otherKey, otherIssuer, expired, tampered)) {
            assertThat(ApiClient.at(platform.gatewayUrl()).withToken(forged).get(PROTECTED).status())
                    .as("forged token %s", forged).isEqualTo(401);
        }
    }

    private static Map<String, Object> withClaim(Map<String, Object> claims, String name, Object value) {
        Map<String, Object> changed = new java.util.HashMap<>(claims);
        changed.put(name, value);
        return changed;
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String signWithOwnKey(Map<String, Object> claims, String issuer, Instant expiry) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("forger").generate();
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(claims.get("sub").toString()).audience("skillwise-api")
                .expirationTime(Date.from(expiry)).issueTime(new Date()).jwtID(UUID.randomUUID().toString())
                .claim("realm_access", Map.of("roles", List.of("admin")));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), set.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static String adminAccessToken() {
        return ApiClient.at(platform.issuer()).postForm("/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "skillwise-app",
                "username", "admin@skillwise.local", "password", "skillwise-admin", "scope", "openid"))
                .assertStatus(200).text("access_token");
    }

    /** A genuine Keycloak token, but from the master realm: right signature format, wrong issuer and keys. */
    private static String masterRealmToken() {
        return ApiClient.at(platform.keycloakUrl()).postForm("/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .assertStatus(200).text("access_token");
    }
}
