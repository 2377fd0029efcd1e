package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TotpCodes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.skillwise.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real users of the running platform, made through its public API as a person would: sign-up, the verification link
 * from the mail sink, an admin's approval of an instructor, and the second factor instructors need to publish.
 * Every token comes from Keycloak through {@code POST /api/v1/auth/login}.
 */
final class PlatformUsers {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

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
        ApiClient api = api(platform);
        String email = "instructor-" + UUID.randomUUID().toString().substring(0, 12) + "@system.skillwise.test";
        String password = "Instructor-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = register(platform, email, password, "System Instructor", true);
        verifyEmail(platform, email);
        // Setting the roles is idempotent, so the admin's client sends it again after a gateway timeout, as a real one
        // would: on a loaded machine identity's first calls to a fresh Keycloak can outlast the gateway's limit.
        ApiClient adminClient = admin(platform).client();
        eventually(PATIENCE, () -> adminClient.patch("/users/" + id, Map.of("roles", List.of("student", "instructor"))),
                response -> assertThat(response.status()).as("the approval, retried after a gateway timeout")
                        .isNotEqualTo(504)).assertStatus(200);

        ApiClient withoutSecondFactor = new Session(api, id, email, password, null).client();
        String secret = withoutSecondFactor.post("/profile/mfa/totp", null).assertStatus(201).text("secret");
        withoutSecondFactor.post("/profile/mfa/totp/confirm", Map.of("code", TotpCodes.at(secret, Instant.now())))
                .assertStatus(204);
        return new Session(api, id, email, password, secret);
    }

    private static UUID register(DevStack platform, String email, String password, String name, boolean teach) {
        Map<String, Object> body = teach
                ? Map.of("email", email, "password", password, "displayName", name, "role", "instructor")
                : Map.of("email", email, "password", password, "displayName", name);
        return UUID.fromString(api(platform).post("/auth/register", body).assertStatus(201).text("userId"));
    }

    private static void verifyEmail(DevStack platform, String email) {
        String token = eventually(PATIENCE, () -> verificationToken(platform, email),
                link -> assertThat(link).as("a verification link mailed to " + email).isPresent()).orElseThrow();
        api(platform).post("/auth/verify-email", Map.of("token", token)).assertStatus(204);
    }

    private static Optional<String> verificationToken(DevStack platform, String email) throws Exception {
        for (Map<String, Object> message : platform.mail().messagesFor(email)) {
            Optional<String> token = MailLinks.queryParameter(String.valueOf(message.get("text")), "/verify-email",
                    "token");
            if (token.isPresent()) {
                return token;
            }
        }
        return Optional.empty();
    }

    /** The platform's public API through the gateway, anonymously. */
    static ApiClient api(DevStack platform) {
        return ApiClient.at(platform.gatewayUrl() + "/api/v1");
    }

    /**
     * A signed-in user; logs in again before the access token (5 minutes) can expire. With a TOTP secret the login
     * sends the current code; Keycloak takes each code once, so a refused code is retried in the next 30-second step.
     */
    static final class Session {

        private static final Duration RENEW_AFTER = Duration.ofSeconds(60);

        private final ApiClient api;
        private final UUID id;
        private final String email;
        private final String password;
        private final String totpSecret;
        private String token;
        private long obtainedAt;

        Session(ApiClient api, UUID id, String email, String password, String totpSecret) {
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

        /** The API as this user, with a fresh token. */
        ApiClient client() {
            return api.withToken(token());
        }

        synchronized String token() {
            if (token == null || System.nanoTime() - obtainedAt > RENEW_AFTER.toNanos()) {
                ApiResponse login = login();
                if (login.status() == 401 && totpSecret != null) {
                    sleepToNextStep();
                    login = login();
                }
                token = login.assertStatus(200).text("accessToken");
                obtainedAt = System.nanoTime();
            }
            return token;
        }

        private ApiResponse login() {
            Map<String, Object> body = totpSecret == null ? Map.of("email", email, "password", password)
                    : Map.of("email", email, "password", password, "otp", TotpCodes.at(totpSecret, Instant.now()));
            return api.post("/auth/login", body);
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
