package io.skillwise.systemtests;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.skillwise.devstack.DevStack;
import io.skillwise.devstack.PlatformService;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens a caller could forge or misuse (OWASP API2), tried through the gateway and directly at a service (the
 * network behind the gateway is not trusted, ADR 0009): each is refused with a problem. Forged tokens are made with
 * nimbus-jose-jwt from the claims of a real token, so that the forgery is the only thing wrong with them; the
 * tokens of another issuer and of another audience are real Keycloak tokens (the master realm's, and the realm's own
 * {@code admin-cli} client's), signed by keys the server holds.
 */
class AuthenticationForgeriesIT {

    /** A user route of identity-service, the same path at the gateway and at the service. */
    private static final String PROFILE = "/api/v1/profile";

    private static DevStack platform;
    private static PlatformUsers.Session student;
    private static ApiClient gateway;
    private static ApiClient identity;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
        student = PlatformUsers.verifiedStudent(platform);
        gateway = ApiClient.at(platform.gatewayUrl());
        identity = ApiClient.at(platform.service(PlatformService.IDENTITY).baseUrl());
    }

    @Test
    void theRealTokenPassesAndEveryForgeryOfItIsRefusedAtTheGatewayAndAtTheService() throws Exception {
        String real = student.token();
        JWTClaimsSet claims = SignedJWT.parse(real).getJWTClaimsSet();
        RSAKey otherKey = new RSAKeyGenerator(2048).keyID(SignedJWT.parse(real).getHeader().getKeyID()).generate();
        Date past = Date.from(Instant.now().minusSeconds(3600));

        Map<String, String> forgeries = Map.of(
                "alg none", new PlainJWT(claims).serialize(),
                "signed by another key with the realm key's id", signed(claims, otherKey),
                "claims of another user under the real signature", realSignatureOver(real,
                        new JWTClaimsSet.Builder(claims).subject(java.util.UUID.randomUUID().toString()).build()),
                "HS256 with the realm's public key as the secret", hmacWithPublicKey(claims),
                "expired, signed by another key", signed(new JWTClaimsSet.Builder(claims).expirationTime(past)
                        .issueTime(past).build(), otherKey));

        for (ApiClient entrance : List.of(gateway, identity)) {
            entrance.withToken(real).get(PROFILE).assertStatus(200);
            forgeries.forEach((forgery, token) -> assertThat(entrance.withToken(token).get(PROFILE).status())
                    .as("%s at %s", forgery, entrance.url(PROFILE)).isEqualTo(401));
            entrance.withToken(forgeries.get("alg none")).get(PROFILE).assertProblem(401);
        }
    }

    @Test
    void realTokensOfAnotherIssuerOrAudienceAreRefused() {
        String otherIssuer = keycloakToken("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin"));
        String otherAudience = keycloakToken("skillwise", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", student.email(), "password", student.password()));

        for (ApiClient entrance : List.of(gateway, identity)) {
            entrance.withToken(otherIssuer).get(PROFILE).assertProblem(401);
            entrance.withToken(otherAudience).get(PROFILE).assertProblem(401);
        }
    }

    @Test
    void aServiceAccountTokenIsRefusedOnUserRoutesAndAUserTokenOnServiceRoutes() {
        String serviceToken = keycloakToken("skillwise", Map.of("grant_type", "client_credentials",
                "client_id", "payment-service", "client_secret", "payment-service-dev-secret"));

        gateway.withToken(serviceToken).get(PROFILE).assertProblem(403);
        identity.withToken(serviceToken).get(PROFILE).assertProblem(403);
        // services call each other directly, never through the gateway: a service token is refused there too
        gateway.withToken(serviceToken).get("/api/v1/courses").assertProblem(403);

        ApiClient promotion = ApiClient.at(platform.service(PlatformService.PROMOTION).baseUrl());
        promotion.withToken(student.token()).post("/internal/promotions/quote", Map.of()).assertProblem(403);
        promotion.withToken(PlatformUsers.admin(platform).token()).post("/internal/promotions/quote", Map.of())
                .assertProblem(403);
    }

    @Test
    void aTokenOfASessionThatEndedIsRefusedEverywhereAtOnce() {
        PlatformUsers.Session leaving = PlatformUsers.verifiedStudent(platform);
        ApiResponse login = gateway.post("/api/v1/auth/login", Map.of("email", leaving.email(),
                "password", leaving.password())).assertStatus(200);
        String access = login.text("accessToken");
        gateway.withToken(access).get(PROFILE).assertStatus(200);

        gateway.withToken(access).post("/api/v1/auth/logout", Map.of("refreshToken", login.text("refreshToken")))
                .assertStatus(204);

        gateway.withToken(access).get(PROFILE).assertProblem(401);
        identity.withToken(access).get(PROFILE).assertProblem(401);
        ApiClient.at(platform.service(PlatformService.ENROLLMENT).baseUrl()).withToken(access)
                .get("/api/v1/enrollments").assertProblem(401);
        gateway.post("/api/v1/auth/refresh", Map.of("refreshToken", login.text("refreshToken"))).assertProblem(401);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        PlatformUsers.Session target = PlatformUsers.verifiedStudent(platform);
        for (int attempt = 0; attempt < 5; attempt++) {
            gateway.post("/api/v1/auth/login", Map.of("email", target.email(), "password", "Wrong-guess-" + attempt))
                    .assertProblem(401);
        }

        // Keycloak's brute-force detection (five failures in a row) now refuses even the right password
        gateway.post("/api/v1/auth/login", Map.of("email", target.email(), "password", target.password()))
                .assertProblem(401);
    }

    private static String keycloakToken(String realm, Map<String, String> form) {
        return ApiClient.at(platform.keycloakUrl() + "/realms/" + realm)
                .postForm("/protocol/openid-connect/token", form).assertStatus(200).text("access_token");
    }

    private static String signed(JWTClaimsSet claims, RSAKey key) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The real token's header and signature over other claims. */
    private static String realSignatureOver(String real, JWTClaimsSet claims) throws ParseException {
        SignedJWT parsed = SignedJWT.parse(real);
        String payload = com.nimbusds.jose.util.Base64URL.encode(claims.toString()).toString();
        return parsed.getHeader().toBase64URL() + "." + payload + "." + parsed.getSignature();
    }

    /** The classic algorithm confusion: the realm's published RSA key used as an HMAC secret. */
    private static String hmacWithPublicKey(JWTClaimsSet claims) throws Exception {
        String jwks = ApiClient.at(platform.issuer()).get("/protocol/openid-connect/certs").assertStatus(200).text();
        byte[] secret = com.nimbusds.jose.jwk.JWKSet.parse(jwks).getKeys().getFirst().toJSONString()
                .getBytes(StandardCharsets.UTF_8);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }
}
