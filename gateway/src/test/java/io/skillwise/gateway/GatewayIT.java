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
import io.skillwise.gateway.support.GatewayTestInfrastructure;
import io.skillwise.gateway.support.StubService;
import io.skillwise.gateway.support.TestIssuer;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.OpenApiContract;
import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
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

        ApiResponse reply = client.get(path);

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

        ApiResponse onProtected = client.withToken(token).get("/api/v1/enrollments");
        ApiResponse onPublic = client.withToken(token).get("/api/v1/courses");

        assertThat(onProtected.status()).as(name).isEqualTo(401);
        assertProblem(onProtected, 401, "/api/v1/enrollments");
        assertThat(onProtected.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(onPublic.status()).as(name + " on a public route").isEqualTo(401);
    }

    @Test
    void validTokenIsForwardedWithAuthorizationAndRequestId() {
        String token = issuer.student();

        ApiResponse reply = client.withToken(token).withHeader("X-Request-Id", "trace-42.abc")
                .get("/api/v1/enrollments?page=0&size=20");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode echo = reply.body();
        assertThat(echo.get("service").asString()).isEqualTo("enrollment");
        assertThat(echo.get("path").asString()).isEqualTo("/api/v1/enrollments");
        assertThat(echo.get("query").asString()).isEqualTo("page=0&size=20");
        assertThat(echo.at("/headers/authorization").asString()).isEqualTo("Bearer " + token);
        assertThat(echo.at("/headers/x-request-id").asString()).isEqualTo("trace-42.abc");
        assertThat(reply.headers().allValues("X-Request-Id")).containsExactly("trace-42.abc");
    }

    @Test
    void theServiceLearnsTheCallersAddressFromTheGatewayNeverFromTheCaller() {
        ApiResponse reply = client.withHeader("X-SkillWise-Client-Address", "203.0.113.9").get("/api/v1/courses");

        assertThat(reply.body().at("/headers/x-skillwise-client-address").asString()).isEqualTo("127.0.0.1");
    }

    @Test
    void serviceAccountTokensAreRefusedOnEveryRoutedPath() {
        ApiClient service = client.withToken(issuer.service("payment-service"));

        String probe = "/api/v1/enrollments/" + UUID.randomUUID();
        for (String path : List.of("/api/v1/courses", probe, "/api/v1/admin/users")) {
            ApiResponse refused = service.get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertProblem(refused, 403, path);
        }
        assertThat(service.post("/api/v1/auth/logout", "{}").status()).isEqualTo(403);
        assertThat(servicesThatSaw(probe)).isEmpty();
    }

    @Test
    void aTokenOfAClientForeignToThePlatformIsInvalid() {
        String foreign = issuer.token(issuer.builder("user-" + UUID.randomUUID(), "student")
                .claim("azp", "someone-elses-app").build());

        ApiResponse refused = client.withToken(foreign).get("/api/v1/courses");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void missingOrMalformedRequestIdIsReplacedByAGeneratedOne() {
        ApiResponse missing = client.get("/api/v1/courses");
        ApiResponse malformed = client.withHeader("X-Request-Id", "bad id\twith spaces").get("/api/v1/courses");

        for (ApiResponse reply : List.of(missing, malformed)) {
            String id = reply.header("X-Request-Id");
            assertThat(UUID.fromString(id).version()).isEqualTo(4);
            assertThat(reply.body().at("/headers/x-request-id").asString()).isEqualTo(id);
            assertThat(reply.headers().allValues("X-Request-Id")).hasSize(1);
        }
    }

    @Test
    void publicRouteWorksWithoutToken() {
        ApiResponse reply = client.get("/api/v1/courses?search=java&sort=rating,desc");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("service").asString()).isEqualTo("catalog");
        assertThat(reply.body().get("query").asString()).isEqualTo("search=java&sort=rating,desc");
        assertThat(reply.body().at("/headers/authorization").isMissingNode()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/certificates/SW-2026-ABCD", "/api/v1/certificates/SW-2026-ABCD/image"})
    void certificatesAreVerifiedAndSharedWithoutToken(String path) {
        ApiResponse reply = client.get(path);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("service").asString()).isEqualTo("enrollment");
        assertThat(reply.body().get("path").asString()).isEqualTo(path);
    }

    @Test
    void trailingSlashIsAccepted() {
        ApiResponse reply = client.post("/api/v1/auth/register/", "{\"email\":\"a@b.c\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("service").asString()).isEqualTo("identity");
        assertThat(reply.body().get("path").asString()).isEqualTo("/api/v1/auth/register");
    }

    @Test
    void logoutNeedsAToken() {
        assertThat(client.post("/api/v1/auth/logout", "{}").status()).isEqualTo(401);
        assertThat(client.withToken(issuer.student()).post("/api/v1/auth/logout", "{}").status())
                .isEqualTo(200);
    }

    @Test
    void adminPathsNeedTheAdminRole() {
        ApiResponse student = client.withToken(issuer.student()).get("/api/v1/admin/users");
        ApiResponse anonymous = client.get("/api/v1/admin/users");
        ApiResponse admin = client.withToken(issuer.admin()).get("/api/v1/admin/users");

        assertThat(student.status()).isEqualTo(403);
        assertProblem(student, 403, "/api/v1/admin/users");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body().get("service").asString()).isEqualTo("identity");
    }

    @Test
    void revokedSessionIsRefused() {
        String sessionId = UUID.randomUUID().toString();
        String token = issuer.withSession(sessionId);
        assertThat(client.withToken(token).get("/api/v1/enrollments").status()).isEqualTo(200);

        redis.opsForValue().set("skillwise:revoked-session:" + sessionId, "1", Duration.ofMinutes(5)).block();

        ApiResponse revoked = client.withToken(token).get("/api/v1/enrollments");
        assertThat(revoked.status()).isEqualTo(401);
        assertProblem(revoked, 401, "/api/v1/enrollments");
        assertThat(revoked.body().get("detail").asString()).contains("session");
        assertThat(client.withToken(issuer.withSession("another-session")).get("/api/v1/enrollments").status())
                .isEqualTo(200);
    }

    @Test
    void unknownKeyIdsDoNotMakeTheGatewayFetchTheKeySetPerRequest() {
        client.withToken(issuer.student()).get("/api/v1/enrollments");
        int before = issuer.jwksRequests();

        for (int i = 0; i < 20; i++) {
            assertThat(client.withToken(issuer.withUnknownKeyId(issuer.builder("mallory", "admin").build()))
                    .get("/api/v1/enrollments").status()).isEqualTo(401);
        }

        assertThat(issuer.jwksRequests() - before).isLessThanOrEqualTo(1);
        assertThat(client.withToken(issuer.student()).get("/api/v1/enrollments").status()).isEqualTo(200);
    }

    // --- what is not reachable ------------------------------------------------------------------------------

    @Test
    void servicesInternalAndActuatorPathsAreNotReachable() {
        String admin = issuer.admin();

        ApiResponse internal = client.withToken(admin).get("/internal/outbox");
        ApiResponse unknown = client.withToken(admin).get("/api/v1/unknown-things");
        ApiResponse actuator = client.withToken(admin).get("/actuator/env");

        assertThat(internal.status()).isEqualTo(404);
        assertProblem(internal, 404, "/internal/outbox");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(actuator.status()).isEqualTo(404);
        // Paths that a service would normalise to its /internal or /actuator are refused before routing.
        assertThat(client.statusOfRawRequestLine("GET", "/api/v1/courses/../../../internal/outbox")).isEqualTo(400);
        assertThat(client.statusOfRawRequestLine("GET", "/api/v1/courses/%2e%2e/%2e%2e/%2e%2e/actuator/env"))
                .isEqualTo(400);
        assertThat(client.statusOfRawRequestLine("GET", "/api/v1/courses/x%2F..%2F..%2Factuator")).isEqualTo(400);
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
                route("GET", "/api/v1/certificates/SW-2026-ABCD/image", "enrollment"),
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
                route("POST", "/api/v1/courses/" + id + "/reminders", "notification"),
                route("DELETE", "/api/v1/courses/" + id + "/reminders/" + id, "notification"),
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
                route("GET", "/api/v1/instructors/reports/sales", "analytics"),
                route("GET", "/api/v1/instructors/reports/transactions", "analytics"),
                route("GET", "/api/v1/admin/analytics", "analytics"),
                route("GET", "/api/v1/admin/analytics/reports/sales", "analytics"),
                route("POST", "/api/v1/admin/analytics/projections/rebuild", "analytics"));
    }

    private static Arguments route(String method, String path, String service) {
        return Arguments.of(method, path, service);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("routingTable")
    void everyApiPathReachesTheServiceThatOwnsIt(String method, String path, String service) {
        HttpRequest.Builder request = client.request(path)
                .header("Authorization", "Bearer " + issuer.admin())
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") || method.equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));

        ApiResponse reply = client.send(request);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("service").asString()).isEqualTo(service);
        assertThat(reply.body().get("path").asString()).isEqualTo(path);
        assertThat(reply.body().get("method").asString()).isEqualTo(method);
    }

    // --- edge concerns ----------------------------------------------------------------------------------------

    @Test
    void oneMergedDocumentHoldsTheRoutedPathsOfEveryServiceWithTheGatewaysOwnAnswers() {
        ApiResponse answer = client.get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);

        OpenAPI merged = OpenApiContract.assertComplete(answer.text());

        assertThat(merged.getPaths().keySet()).containsExactlyInAnyOrder(Stream.of(GatewayTestInfrastructure.SERVICES)
                .map(StubService::samplePath).toArray(String[]::new));
        assertThat(merged.getComponents().getSchemas().keySet()).as("one Problem; a View per service")
                .contains("Problem", "View", "CatalogView", "PaymentView").doesNotContain("IdentityView");
        String catalogView = merged.getPaths().get("/api/v1/courses").getGet().getResponses().get("200")
                .getContent().get("application/json").getSchema().get$ref();
        assertThat(catalogView).isEqualTo("#/components/schemas/CatalogView");
        assertThat(merged.getComponents().getSchemas().get("CatalogView").getDescription())
                .isEqualTo("the view of catalog");
        assertThat(merged.getPaths().get("/api/v1/profile").getGet().getOperationId()).isEqualTo("readThing");
        assertThat(merged.getPaths().get("/api/v1/courses").getGet().getOperationId()).isEqualTo("catalogReadThing");
        merged.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            assertThat(operation.getResponses()).as(path).containsKeys("401", "403", "404", "429", "503", "504");
            assertThat(operation.getResponses().get("429").getHeaders()).as(path).containsKey("Retry-After");
        }));
    }

    @Test
    void swaggerUiListsEveryServiceAndEachDocumentIsRoutedToItsService() {
        ApiResponse config = client.get("/v3/api-docs/swagger-config");
        assertThat(config.status()).isEqualTo(200);
        List<String> listed = config.body().get("urls").valueStream()
                .map(url -> url.get("name").asString() + "=" + url.get("url").asString())
                .toList();
        assertThat(listed).containsExactlyInAnyOrder(Stream.concat(Stream.of("SkillWise API (all services)=/v3/api-docs"),
                Stream.of(GatewayTestInfrastructure.SERVICES).map(service -> service + "=/v3/api-docs/" + service))
                .toArray(String[]::new));

        for (String service : GatewayTestInfrastructure.SERVICES) {
            ApiResponse document = client.get("/v3/api-docs/" + service);
            assertThat(document.status()).isEqualTo(200);
            assertThat(document.body().at("/info/title").asString()).isEqualTo("SkillWise " + service);
        }

        assertThat(config.body().get("urls.primaryName").asString()).isEqualTo("SkillWise API (all services)");

        ApiResponse ui = client.get("/swagger-ui.html");
        assertThat(ui.status()).isEqualTo(302);
        ApiResponse page = client.get(ui.header("Location"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("swagger");
        assertThat(page.header("Content-Security-Policy")).isNull();
    }

    @Test
    void securityHeadersAreSetOnProxiedAndGatewayResponses() {
        for (ApiResponse reply : List.of(client.get("/api/v1/courses"), client.get("/api/v1/enrollments"))) {
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
        HttpRequest.Builder preflight = client.request("/api/v1/enrollments")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type");
        ApiResponse allowed = client.send(preflight);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(allowed.header("Access-Control-Allow-Methods")).contains("POST");

        ApiResponse refused = client.send(client.request("/api/v1/enrollments")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
        assertProblem(refused, 403, "/api/v1/enrollments");

        // A refused origin is a problem on both chains: the anonymous public read and the full one (with a token)
        String courses = "/api/v1/courses/" + UUID.randomUUID();
        ApiResponse anonymous = client.withHeader("Origin", "https://evil.example").get(courses);
        ApiResponse signedIn = client.withToken(issuer.student()).withHeader("Origin", "https://evil.example").get(courses);
        assertProblem(anonymous, 403, courses);
        assertProblem(signedIn, 403, courses);
        assertThat(servicesThatSaw(courses)).isEmpty();

        // The stub answers with its own "Access-Control-Allow-Origin: *": only the gateway's value reaches the browser.
        ApiResponse simple = client.withHeader("Origin", "http://127.0.0.1:3000").get("/api/v1/courses");
        assertThat(simple.headers().allValues("Access-Control-Allow-Origin")).containsExactly("http://127.0.0.1:3000");
        assertThat(simple.headers().allValues("Access-Control-Expose-Headers").toString()).contains("X-Request-Id");
    }

    @Test
    void requestBodiesOverTheirPathsLimitAreRefusedWith413() {
        String token = issuer.student();
        byte[] overOneMegabyte = new byte[1_500_000];

        ApiResponse json = client.send(client.request("/api/v1/enrollments/x/progress")
                .header("Authorization", "Bearer " + token)
                .expectContinue(true)
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(overOneMegabyte)));
        ApiResponse avatar = client.send(client.request("/api/v1/profile/avatar")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(overOneMegabyte)));
        ApiResponse avatarTooLarge = client.send(client.request("/api/v1/profile/avatar")
                .header("Authorization", "Bearer " + token)
                .expectContinue(true)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024 + 1])));
        ApiResponse chunked = client.send(client.request("/api/v1/enrollments/x/progress")
                .header("Authorization", "Bearer " + token)
                .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(overOneMegabyte))));

        assertThat(json.status()).isEqualTo(413);
        assertProblem(json, 413, "/api/v1/enrollments/x/progress");
        assertThat(avatar.status()).isEqualTo(200);
        assertThat(avatar.body().get("bodySize").asLong()).isEqualTo(overOneMegabyte.length);
        assertThat(avatarTooLarge.status()).isEqualTo(413);
        assertThat(chunked.status()).isEqualTo(413);
    }

    @Test
    void healthAndInfoArePublicAndMetricsAreForServiceTokensOnly() {
        assertThat(client.get("/actuator/health").status()).isEqualTo(200);
        assertThat(client.get("/actuator/health/liveness").body().get("status").asString()).isEqualTo("UP");
        assertThat(client.get("/actuator/health/readiness").body().get("status").asString()).isEqualTo("UP");
        assertThat(client.get("/actuator/info").status()).isEqualTo(200);
        assertThat(client.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(client.withToken(issuer.admin()).get("/actuator/prometheus").status()).as("a user, even an admin")
                .isEqualTo(403);
        assertThat(client.withToken(issuer.service("notification-service")).get("/actuator/prometheus").text())
                .contains("http_server_requests");
    }

    @Test
    void everyRequestOnAKeepAliveConnectionIsAnswered() {
        // Reactor Netty 1.3.6 could stop reading a kept-alive connection after a response completed on another
        // thread (health indicators run on boundedElastic): the client then waited forever (see gateway/pom.xml).
        for (int i = 0; i < 300; i++) {
            ApiResponse reply = client.send(client.request("/actuator/health/readiness").timeout(Duration.ofSeconds(5))
                    .GET());
            assertThat(reply.status()).as("request %d", i + 1).isEqualTo(200);
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static void assertProblem(ApiResponse reply, int status, String instance) {
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = reply.body();
        assertThat(problem.get("type").asString()).startsWith("https://skillwise.io/problems/");
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("instance").asString()).isEqualTo(instance);
        assertThat(problem.get("requestId").asString()).isEqualTo(reply.header("X-Request-Id"));
        assertThat(reply.text()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static List<String> servicesThatSaw(String pathPrefix) {
        return Stream.of(GatewayTestInfrastructure.SERVICES)
                .map(GatewayTestInfrastructure.get()::service)
                .filter(stub -> stub.received().stream().anyMatch(r -> r.path().startsWith(pathPrefix)))
                .map(StubService::name)
                .toList();
    }
}
