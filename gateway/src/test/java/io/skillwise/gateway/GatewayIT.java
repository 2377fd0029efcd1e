package io.skillwise.gateway;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import io.skillwise.gateway.support.GatewayTestBase;
import io.skillwise.gateway.support.GatewayClient.Reply;
import io.skillwise.gateway.support.GatewayTestInfrastructure;
import io.skillwise.gateway.support.StubService;
import io.skillwise.gateway.support.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway against real components: embedded Redis, a JWKS-serving issuer, echoing stub services.
 * Rate limits are set high here; {@code RateLimitIT} tests them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "skillwise.gateway.rate-limit.user.capacity=100000",
        "skillwise.gateway.rate-limit.anonymous.capacity=100000",
        "skillwise.gateway.rate-limit.auth.capacity=100000"})
class GatewayIT extends GatewayTestBase {


    // --- authentication -------------------------------------------------------------------------------------

    @Test
    void protectedRouteWithoutTokenIsProblem401() {
        String path = "/api/v1/enrollments/" + UUID.randomUUID();

        Reply reply = client.get(path);

        assertThat(reply.status()).isEqualTo(401);
        assertProblem(reply, 401, path);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(servicesThatSaw(path)).isEmpty();
    }

    static Stream<Arguments> forgeries() {
        return Stream.of(
                forgery("alg none", issuer -> issuer.unsigned(issuer.builder("mallory", "admin").build())),
                forgery("signed by another key", issuer -> issuer.signedByOtherKey(issuer.builder("mallory", "admin").build())),
                forgery("HS256 keyed with the public key", issuer -> issuer.hmacWithPublicKey(issuer.builder("mallory", "admin").build())),
                forgery("another issuer", issuer -> issuer.token(issuer.builder("mallory", "admin")
                        .issuer("http://127.0.0.1:1/realms/skillwise").build())),
                forgery("expired", issuer -> issuer.token(issuer.builder("mallory", "admin")
                        .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2))))
                        .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1)))).build())),
                forgery("wrong audience", issuer -> issuer.token(issuer.builder("mallory", "admin")
                        .audience(List.of("account")).build())),
                forgery("no expiry", issuer -> issuer.token(issuer.builder("mallory", "admin")
                        .expirationTime(null).build())),
                forgery("unknown key id", issuer -> issuer.withUnknownKeyId(issuer.builder("mallory", "admin").build())),
                forgery("not a JWT", issuer -> "not-a-token"));
    }

    private static Arguments forgery(String name, Function<TestIssuer, String> token) {
        return Arguments.of(name, token);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void forgedTokensAreRefusedOnProtectedAndPublicRoutes(String name, Function<TestIssuer, String> forge) {
        String token = forge.apply(issuer);

        Reply onProtected = client.getWithToken("/api/v1/enrollments", token);
        Reply onPublic = client.getWithToken("/api/v1/courses", token);

        assertThat(onProtected.status()).as(name).isEqualTo(401);
        assertProblem(onProtected, 401, "/api/v1/enrollments");
        assertThat(onProtected.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(onPublic.status()).as(name + " on a public route").isEqualTo(401);
    }

    @Test
    void validTokenIsForwardedWithAuthorizationAndRequestId() {
        String token = issuer.student();

        Reply reply = client.get("/api/v1/enrollments?page=0&size=20",
                "Authorization", "Bearer " + token, "X-Request-Id", "trace-42.abc");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode echo = reply.json();
        assertThat(echo.get("service").asString()).isEqualTo("enrollment");
        assertThat(echo.get("path").asString()).isEqualTo("/api/v1/enrollments");
        assertThat(echo.get("query").asString()).isEqualTo("page=0&size=20");
        assertThat(echo.at("/headers/authorization").asString()).isEqualTo("Bearer " + token);
        assertThat(echo.at("/headers/x-request-id").asString()).isEqualTo("trace-42.abc");
        assertThat(reply.headers().allValues("X-Request-Id")).containsExactly("trace-42.abc");
    }

    @Test
    void theServiceLearnsTheCallersAddressFromTheGatewayNeverFromTheCaller() {
        Reply reply = client.get("/api/v1/courses", "X-SkillWise-Client-Address", "203.0.113.9");

        assertThat(reply.json().at("/headers/x-skillwise-client-address").asString()).isEqualTo("127.0.0.1");
    }

    @Test
    void serviceAccountTokensAreRefusedOnEveryRoutedPath() {
        String service = issuer.service("payment-service");

        String probe = "/api/v1/enrollments/" + UUID.randomUUID();
        for (String path : List.of("/api/v1/courses", probe, "/api/v1/admin/users")) {
            Reply refused = client.getWithToken(path, service);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertProblem(refused, 403, path);
        }
        assertThat(client.post("/api/v1/auth/logout", "{}", "Authorization", "Bearer " + service).status())
                .isEqualTo(403);
        assertThat(servicesThatSaw(probe)).isEmpty();
    }

    @Test
    void aTokenOfAClientForeignToThePlatformIsInvalid() {
        String foreign = issuer.token(issuer.builder("user-" + UUID.randomUUID(), "student")
                .claim("azp", "someone-elses-app").build());

        Reply refused = client.getWithToken("/api/v1/courses", foreign);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void missingOrMalformedRequestIdIsReplacedByAGeneratedOne() {
        Reply missing = client.get("/api/v1/courses");
        Reply malformed = client.get("/api/v1/courses", "X-Request-Id", "bad id\twith spaces");

        for (Reply reply : List.of(missing, malformed)) {
            String id = reply.header("X-Request-Id");
            assertThat(UUID.fromString(id).version()).isEqualTo(4);
            assertThat(reply.json().at("/headers/x-request-id").asString()).isEqualTo(id);
            assertThat(reply.headers().allValues("X-Request-Id")).hasSize(1);
        }
    }

    @Test
    void publicRouteWorksWithoutToken() {
        Reply reply = client.get("/api/v1/courses?search=java&sort=rating,desc");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("service").asString()).isEqualTo("catalog");
        assertThat(reply.json().get("query").asString()).isEqualTo("search=java&sort=rating,desc");
        assertThat(reply.json().at("/headers/authorization").isMissingNode()).isTrue();
    }

    @Test
    void trailingSlashIsAccepted() {
        Reply reply = client.post("/api/v1/auth/register/", "{\"email\":\"a@b.c\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("service").asString()).isEqualTo("identity");
        assertThat(reply.json().get("path").asString()).isEqualTo("/api/v1/auth/register");
    }

    @Test
    void logoutNeedsAToken() {
        assertThat(client.post("/api/v1/auth/logout", "{}").status()).isEqualTo(401);
        assertThat(client.post("/api/v1/auth/logout", "{}", "Authorization", "Bearer " + issuer.student()).status())
                .isEqualTo(200);
    }

    @Test
    void adminPathsNeedTheAdminRole() {
        Reply student = client.getWithToken("/api/v1/admin/users", issuer.student());
        Reply anonymous = client.get("/api/v1/admin/users");
        Reply admin = client.getWithToken("/api/v1/admin/users", issuer.admin());

        assertThat(student.status()).isEqualTo(403);
        assertProblem(student, 403, "/api/v1/admin/users");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().get("service").asString()).isEqualTo("identity");
    }

    @Test
    void revokedSessionIsRefused() {
        String sessionId = UUID.randomUUID().toString();
        String token = issuer.withSession(sessionId);
        assertThat(client.getWithToken("/api/v1/enrollments", token).status()).isEqualTo(200);

        redis.opsForValue().set("skillwise:revoked-session:" + sessionId, "1", Duration.ofMinutes(5)).block();

        Reply revoked = client.getWithToken("/api/v1/enrollments", token);
        assertThat(revoked.status()).isEqualTo(401);
        assertProblem(revoked, 401, "/api/v1/enrollments");
        assertThat(revoked.json().get("detail").asString()).contains("session");
        assertThat(client.getWithToken("/api/v1/enrollments", issuer.withSession("another-session")).status())
                .isEqualTo(200);
    }

    @Test
    void unknownKeyIdsDoNotMakeTheGatewayFetchTheKeySetPerRequest() {
        client.getWithToken("/api/v1/enrollments", issuer.student());
        int before = issuer.jwksRequests();

        for (int i = 0; i < 20; i++) {
            assertThat(client.getWithToken("/api/v1/enrollments",
                    issuer.withUnknownKeyId(issuer.builder("mallory", "admin").build())).status()).isEqualTo(401);
        }

        assertThat(issuer.jwksRequests() - before).isLessThanOrEqualTo(1);
        assertThat(client.getWithToken("/api/v1/enrollments", issuer.student()).status()).isEqualTo(200);
    }

    // --- what is not reachable ------------------------------------------------------------------------------

    @Test
    void servicesInternalAndActuatorPathsAreNotReachable() {
        String admin = issuer.admin();

        Reply internal = client.getWithToken("/internal/outbox", admin);
        Reply unknown = client.getWithToken("/api/v1/unknown-things", admin);
        Reply actuator = client.getWithToken("/actuator/env", admin);

        assertThat(internal.status()).isEqualTo(404);
        assertProblem(internal, 404, "/internal/outbox");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(actuator.status()).isEqualTo(404);
        // Paths that a service would normalise to its /internal or /actuator are refused before routing.
        assertThat(client.rawStatus("GET", "/api/v1/courses/../../../internal/outbox")).isEqualTo(400);
        assertThat(client.rawStatus("GET", "/api/v1/courses/%2e%2e/%2e%2e/%2e%2e/actuator/env")).isEqualTo(400);
        assertThat(client.rawStatus("GET", "/api/v1/courses/x%2F..%2F..%2Factuator")).isEqualTo(400);
        assertThat(servicesThatSaw("/internal")).isEmpty();
        assertThat(servicesThatSaw("/actuator")).isEmpty();
    }

    // --- routing ----------------------------------------------------------------------------------------------

    static Stream<Arguments> routingTable() {
        String id = "7d8a3c1e-1f2b-4c5d-9e0f-112233445566";
        return Stream.of(
                // identity
                route("POST", "/api/v1/auth/login", "identity"),
                route("POST", "/api/v1/auth/password-reset/confirm", "identity"),
                route("GET", "/api/v1/profile", "identity"),
                route("PUT", "/api/v1/profile/avatar", "identity"),
                route("POST", "/api/v1/profile/mfa/totp/confirm", "identity"),
                route("GET", "/api/v1/users/" + id, "identity"),
                route("GET", "/api/v1/admin/users", "identity"),
                route("GET", "/api/v1/instructors/" + id + "/profile", "identity"),
                // catalog
                route("GET", "/api/v1/courses", "catalog"),
                route("GET", "/api/v1/courses/" + id, "catalog"),
                route("POST", "/api/v1/courses/" + id + "/publish", "catalog"),
                route("GET", "/api/v1/courses/" + id + "/modules", "catalog"),
                route("PATCH", "/api/v1/modules/" + id, "catalog"),
                route("GET", "/api/v1/modules/" + id + "/lessons", "catalog"),
                route("GET", "/api/v1/lessons/" + id, "catalog"),
                route("PUT", "/api/v1/lessons/" + id + "/assets", "catalog"),
                route("GET", "/api/v1/categories", "catalog"),
                route("GET", "/api/v1/admin/courses", "catalog"),
                // enrollment
                route("POST", "/api/v1/courses/" + id + "/enroll", "enrollment"),
                route("GET", "/api/v1/enrollments/" + id, "enrollment"),
                route("PATCH", "/api/v1/enrollments/" + id + "/progress", "enrollment"),
                route("GET", "/api/v1/enrollments/" + id + "/certificate", "enrollment"),
                route("GET", "/api/v1/progress/" + id, "enrollment"),
                route("POST", "/api/v1/lessons/" + id + "/quiz-attempts", "enrollment"),
                route("POST", "/api/v1/lessons/" + id + "/activity", "enrollment"),
                route("GET", "/api/v1/certificates/SW-2026-ABCD", "enrollment"),
                route("GET", "/api/v1/instructors/courses/" + id + "/students", "enrollment"),
                // payment
                route("POST", "/api/v1/payments/create", "payment"),
                route("POST", "/api/v1/payments/webhook", "payment"),
                route("GET", "/api/v1/payments/history", "payment"),
                route("GET", "/api/v1/payments/invoices/" + id, "payment"),
                route("POST", "/api/v1/payments/" + id + "/refund", "payment"),
                route("GET", "/api/v1/payments/local-checkout/" + id, "payment"),
                route("POST", "/api/v1/subscriptions", "payment"),
                route("DELETE", "/api/v1/subscriptions/" + id, "payment"),
                route("GET", "/api/v1/instructors/earnings", "payment"),
                route("GET", "/api/v1/admin/payments", "payment"),
                // review
                route("POST", "/api/v1/courses/" + id + "/reviews", "review"),
                route("GET", "/api/v1/courses/" + id + "/reviews", "review"),
                route("GET", "/api/v1/courses/" + id + "/ratings", "review"),
                route("PATCH", "/api/v1/reviews/" + id, "review"),
                route("POST", "/api/v1/reviews/" + id + "/reply", "review"),
                route("POST", "/api/v1/reviews/" + id + "/report", "review"),
                route("GET", "/api/v1/instructors/" + id + "/ratings", "review"),
                route("GET", "/api/v1/admin/reports", "review"),
                // notification
                route("GET", "/api/v1/notifications", "notification"),
                route("PATCH", "/api/v1/notifications/" + id + "/read", "notification"),
                route("POST", "/api/v1/courses/" + id + "/announcements", "notification"),
                route("GET", "/api/v1/courses/" + id + "/threads", "notification"),
                route("POST", "/api/v1/threads/" + id + "/posts", "notification"),
                // promotion
                route("POST", "/api/v1/promotions/coupons", "promotion"),
                route("GET", "/api/v1/promotions/bundles", "promotion"),
                route("POST", "/api/v1/promotions/campaigns", "promotion"),
                route("GET", "/api/v1/affiliates/me", "promotion"),
                // analytics
                route("GET", "/api/v1/instructors/dashboard", "analytics"),
                route("GET", "/api/v1/instructors/courses", "analytics"),
                route("GET", "/api/v1/admin/analytics", "analytics"));
    }

    private static Arguments route(String method, String path, String service) {
        return Arguments.of(method, path, service);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("routingTable")
    void everyApiPathReachesTheServiceThatOwnsIt(String method, String path, String service) {
        HttpRequest request = client.request(path)
                .header("Authorization", "Bearer " + issuer.admin())
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") || method.equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                .build();

        Reply reply = client.send(request);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("service").asString()).isEqualTo(service);
        assertThat(reply.json().get("path").asString()).isEqualTo(path);
        assertThat(reply.json().get("method").asString()).isEqualTo(method);
    }

    // --- edge concerns ----------------------------------------------------------------------------------------

    @Test
    void swaggerUiListsEveryServiceAndEachDocumentIsRoutedToItsService() {
        Reply config = client.get("/v3/api-docs/swagger-config");
        assertThat(config.status()).isEqualTo(200);
        List<String> listed = config.json().get("urls").valueStream()
                .map(url -> url.get("name").asString() + "=" + url.get("url").asString())
                .toList();
        assertThat(listed).containsExactlyInAnyOrder(Stream.of(GatewayTestInfrastructure.SERVICES)
                .map(service -> service + "=/v3/api-docs/" + service).toArray(String[]::new));

        for (String service : GatewayTestInfrastructure.SERVICES) {
            Reply document = client.get("/v3/api-docs/" + service);
            assertThat(document.status()).isEqualTo(200);
            assertThat(document.json().get("service").asString()).isEqualTo(service);
            assertThat(document.json().get("path").asString()).isEqualTo("/v3/api-docs");
        }

        Reply ui = client.get("/swagger-ui.html");
        assertThat(ui.status()).isEqualTo(302);
        Reply page = client.get(ui.header("Location"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger");
        assertThat(page.header("Content-Security-Policy")).isNull();
    }

    @Test
    void securityHeadersAreSetOnProxiedAndGatewayResponses() {
        for (Reply reply : List.of(client.get("/api/v1/courses"), client.get("/api/v1/enrollments"))) {
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(reply.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
            // Plain HTTP: HSTS would be meaningless (and ignored by browsers).
            assertThat(reply.header("Strict-Transport-Security")).isNull();
        }
    }

    @Test
    void corsIsAnsweredForConfiguredOriginsOnly() {
        HttpRequest preflight = client.request("/api/v1/enrollments")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .build();
        Reply allowed = client.send(preflight);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(allowed.header("Access-Control-Allow-Methods")).contains("POST");

        Reply refused = client.send(client.request("/api/v1/enrollments")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .build());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();

        // The stub answers with its own "Access-Control-Allow-Origin: *": only the gateway's value reaches the browser.
        Reply simple = client.get("/api/v1/courses", "Origin", "http://127.0.0.1:3000");
        assertThat(simple.headers().allValues("Access-Control-Allow-Origin")).containsExactly("http://127.0.0.1:3000");
        assertThat(simple.headers().allValues("Access-Control-Expose-Headers").toString()).contains("X-Request-Id");
    }

    @Test
    void requestBodiesOverTheirPathsLimitAreRefusedWith413() {
        String token = issuer.student();
        byte[] overOneMegabyte = new byte[1_500_000];

        Reply json = client.send(client.request("/api/v1/enrollments/x/progress")
                .header("Authorization", "Bearer " + token)
                .expectContinue(true)
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(overOneMegabyte))
                .build());
        Reply avatar = client.send(client.request("/api/v1/profile/avatar")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(overOneMegabyte))
                .build());
        Reply avatarTooLarge = client.send(client.request("/api/v1/profile/avatar")
                .header("Authorization", "Bearer " + token)
                .expectContinue(true)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024 + 1]))
                .build());
        Reply chunked = client.send(client.request("/api/v1/enrollments/x/progress")
                .header("Authorization", "Bearer " + token)
                .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(overOneMegabyte)))
                .build());

        assertThat(json.status()).isEqualTo(413);
        assertProblem(json, 413, "/api/v1/enrollments/x/progress");
        assertThat(avatar.status()).isEqualTo(200);
        assertThat(avatar.json().get("bodySize").asLong()).isEqualTo(overOneMegabyte.length);
        assertThat(avatarTooLarge.status()).isEqualTo(413);
        assertThat(chunked.status()).isEqualTo(413);
    }

    @Test
    void healthAndInfoArePublicAndMetricsAreForServiceTokensOnly() {
        assertThat(client.get("/actuator/health").status()).isEqualTo(200);
        assertThat(client.get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
        assertThat(client.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
        assertThat(client.get("/actuator/info").status()).isEqualTo(200);
        assertThat(client.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(client.getWithToken("/actuator/prometheus", issuer.admin()).status()).as("a user, even an admin")
                .isEqualTo(403);
        assertThat(client.getWithToken("/actuator/prometheus", issuer.service("notification-service")).body())
                .contains("http_server_requests");
    }

    @Test
    void everyRequestOnAKeepAliveConnectionIsAnswered() {
        // Reactor Netty 1.3.6 could stop reading a kept-alive connection after a response completed on another
        // thread (health indicators run on boundedElastic): the client then waited forever (see gateway/pom.xml).
        for (int i = 0; i < 300; i++) {
            Reply reply = client.send(client.request("/actuator/health/readiness").timeout(Duration.ofSeconds(5))
                    .GET().build());
            assertThat(reply.status()).as("request %d", i + 1).isEqualTo(200);
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static void assertProblem(Reply reply, int status, String instance) {
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("type").asString()).startsWith("https://skillwise.io/problems/");
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("instance").asString()).isEqualTo(instance);
        assertThat(problem.get("requestId").asString()).isEqualTo(reply.header("X-Request-Id"));
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static List<String> servicesThatSaw(String pathPrefix) {
        return Stream.of(GatewayTestInfrastructure.SERVICES)
                .map(GatewayTestInfrastructure.get()::service)
                .filter(stub -> stub.received().stream().anyMatch(r -> r.path().startsWith(pathPrefix)))
                .map(StubService::name)
                .toList();
    }
}
