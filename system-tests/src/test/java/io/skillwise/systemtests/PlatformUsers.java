package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.testsupport.TotpCodes;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real users of the running platform, made through its public API as a person would: sign-up, the verification link
 * from the mail sink, an admin's approval of an instructor, and the second factor instructors need to publish.
 * Every token comes from Keycloak through {@code POST /api/v1/auth/login}.
 */
final class PlatformUsers {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern VERIFY_TOKEN = Pattern.compile("verify-email\\?token=([A-Za-z0-9._~%-]+)");

    private PlatformUsers() {
    }

    /** The local realm's admin. */
    static Session admin(DevStack platform) {
        return new Session(api(platform), null, "admin@skillwise.local", "skillwise-admin", null);
    }

    /** A new student with a verified email address: may buy. */
    static Session verifiedStudent(DevStack platform) {
        String email = "student-" + UUID.randomUUID().toString().substring(0, 12) + "@system.skillwise.test";
        String password = "Student-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = register(platform, email, password, "System Student", false);
        verifyEmail(platform, email);
        return new Session(api(platform), id, email, password, null);
    }

    /**
     * A new instructor: signed up asking to teach, email verified, approved by the admin, and with TOTP on (the
     * platform requires a second factor to publish and to read earnings). Its tokens carry the instructor role and
     * {@code mfa_enabled}.
     */
    static Session instructor(DevStack platform) {
        String api = api(platform);
        String email = "instructor-" + UUID.randomUUID().toString().substring(0, 12) + "@system.skillwise.test";
        String password = "Instructor-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = register(platform, email, password, "System Instructor", true);
        verifyEmail(platform, email);
        HttpResponse<String> approved = send("PATCH", api + "/users/" + id, admin(platform).token(),
                Map.of("roles", List.of("student", "instructor")));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        Session withoutSecondFactor = new Session(api, id, email, password, null);
        HttpResponse<String> enrolled = post(api + "/profile/mfa/totp", withoutSecondFactor.token(), null, Map.of());
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        String secret = Http.json(enrolled).path("secret").asString();
        HttpResponse<String> confirmed = post(api + "/profile/mfa/totp/confirm", withoutSecondFactor.token(),
                Map.of("code", TotpCodes.at(secret, Instant.now())), Map.of());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);
        return new Session(api, id, email, password, secret);
    }

    private static UUID register(DevStack platform, String email, String password, String name, boolean teach) {
        Map<String, Object> body = teach
                ? Map.of("email", email, "password", password, "displayName", name, "role", "instructor")
                : Map.of("email", email, "password", password, "displayName", name);
        HttpResponse<String> registered = post(api(platform) + "/auth/register", null, body, Map.of());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return UUID.fromString(Http.json(registered).path("userId").asString());
    }

    private static void verifyEmail(DevStack platform, String email) {
        String token = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> verificationToken(platform, email), Optional::isPresent).orElseThrow();
        HttpResponse<String> verified = post(api(platform) + "/auth/verify-email", null, Map.of("token", token),
                Map.of());
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(204);
    }

    private static Optional<String> verificationToken(DevStack platform, String email) throws Exception {
        for (Map<String, Object> message : platform.mail().messagesFor(email)) {
            Matcher link = VERIFY_TOKEN.matcher(String.valueOf(message.get("text")));
            if (link.find()) {
                return Optional.of(URLDecoder.decode(link.group(1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    static String api(DevStack platform) {
        return platform.gatewayUrl() + "/api/v1";
    }

    /** A JSON POST (no body when {@code body} is null). */
    static HttpResponse<String> post(String url, String bearer, Object body, Map<String, String> headers) {
        return send("POST", url, bearer, body, headers);
    }

    static HttpResponse<String> send(String method, String url, String bearer, Object body) {
        return send(method, url, bearer, body, Map.of());
    }

    private static HttpResponse<String> send(String method, String url, String bearer, Object body,
                                             Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(request::header);
        return Http.send(request.build());
    }

    /**
     * A signed-in user; logs in again before the access token (5 minutes) can expire. With a TOTP secret the login
     * sends the current code; Keycloak takes each code once, so a refused code is retried in the next 30-second step.
     */
    static final class Session {

        private static final Duration RENEW_AFTER = Duration.ofSeconds(60);

        private final String api;
        private final UUID id;
        private final String email;
        private final String password;
        private final String totpSecret;
        private String token;
        private long obtainedAt;

        Session(String api, UUID id, String email, String password, String totpSecret) {
            this.api = api;
            this.id = id;
            this.email = email;
            this.password = password;
            this.totpSecret = totpSecret;
        }

        UUID id() {
            return id;
        }

        String email() {
            return email;
        }

        synchronized String token() {
            if (token == null || System.nanoTime() - obtainedAt > RENEW_AFTER.toNanos()) {
                HttpResponse<String> login = login();
                if (login.statusCode() == 401 && totpSecret != null) {
                    sleepToNextStep();
                    login = login();
                }
                assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
                token = Http.json(login).path("accessToken").asString();
                obtainedAt = System.nanoTime();
            }
            return token;
        }

        private HttpResponse<String> login() {
            Map<String, Object> body = totpSecret == null ? Map.of("email", email, "password", password)
                    : Map.of("email", email, "password", password, "otp", TotpCodes.at(totpSecret, Instant.now()));
            return post(api + "/auth/login", null, body, Map.of());
        }

        private static void sleepToNextStep() {
            long millis = 30_000 - Instant.now().toEpochMilli() % 30_000 + 200;
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
