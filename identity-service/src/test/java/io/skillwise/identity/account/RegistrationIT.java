package io.skillwise.identity.account;

import io.skillwise.testsupport.ApiResponse;
import io.skillwise.identity.support.ApiTestBase;
import io.skillwise.identity.support.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void duplicateEmailIsConflict() {
        String email = freshEmail("twice");
        assertThat(register(email, "Good-Password-1", "First Person", null).status()).isEqualTo(201);
        ApiResponse again = register(email.toUpperCase(), "Good-Password-2", "Second Person", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void weakPasswordIsBadRequestWithKeycloaksReasonAndLeavesNothingBehind() {
        String email = freshEmail("weak");
        ApiResponse weak = register(email, "short", "Weak Password", null);
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.text("detail")).containsIgnoringCase("length");
        ApiResponse sameAsEmail = register(email, email, "Weak Password", null);
        assertThat(sameAsEmail.status()).isEqualTo(400);

        // neither the Keycloak user nor a local row survived: the address is free for a proper try
        assertThat(register(email, "Much-Better-Password-1", "Weak Password", null).status()).isEqualTo(201);
    }

    @Test
    void invalidInputIsValidationProblem() {
        ApiResponse invalid = api.post("/auth/register",
                Map.of("email", "not-an-email", "password", "Good-Password-1", "displayName", "X", "role", "admin"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("errors").toString()).as(invalid.body().toString()).contains("email").contains("role");
    }

    @Test
    void askingToTeachCreatesAStudentWithAPendingRequestAndAnEvent() {
        String email = freshEmail("teacher");
        ApiResponse registered = register(email, "Teach-Me-Please-1", "Grace Hopper", "instructor");
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.body().path("roles").toString()).isEqualTo("[\"student\"]");
        assertThat(registered.body().path("instructorRequested").asBoolean()).isTrue();

        UUID userId = UUID.fromString(registered.text("userId"));
        String payload = jdbc.sql("select payload::text from outbox_event where event_key = :key and event_type like '%UserRegistered%'")
                .param("key", userId.toString()).query(String.class).single();
        assertThat(payload.replace(" ", "")).contains("\"instructorRequested\":true").contains(email);
    }

    @Test
    void passwordResetByMailEndsOldSessionsAndSwapsThePassword() {
        Member member = signUp("reset");
        assertThat(api.post("/auth/password-reset", Map.of("email", member.email())).status()).isEqualTo(202);
        assertThat(api.post("/auth/password-reset", Map.of("email", freshEmail("stranger"))).status())
                .as("no account enumeration").isEqualTo(202);

        String token = Mailbox.token(member.email(), "Reset", 1);
        ApiResponse weak = api.post("/auth/password-reset/confirm", Map.of("token", token, "newPassword", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.text("detail")).containsIgnoringCase("length");

        assertThat(api.post("/auth/password-reset/confirm",
                Map.of("token", token, "newPassword", "Brand-New-Password-2")).status()).isEqualTo(204);
        assertThat(api.post("/auth/password-reset/confirm",
                Map.of("token", token, "newPassword", "Another-Password-3")).status())
                .as("a reset link works once").isEqualTo(400);

        assertThat(login(member.email(), member.password(), null).status()).isEqualTo(401);
        assertThat(login(member.email(), "Brand-New-Password-2", null).status()).isEqualTo(200);
        assertThat(api.post("/auth/refresh", Map.of("refreshToken", member.refreshToken())).status())
                .as("the session from before the reset is over").isEqualTo(401);
        assertThat(api.withToken(member.accessToken()).get("/profile").status()).isEqualTo(401);
    }

    @Test
    void aNewVerificationMailReplacesTheOldLink() {
        String email = freshEmail("resend");
        assertThat(register(email, "Good-Password-9", "Lost Mail", null).status()).isEqualTo(201);
        String first = Mailbox.token(email, "Confirm", 1);
        assertThat(api.post("/auth/verify-email/resend", Map.of("email", email)).status()).isEqualTo(202);
        assertThat(api.post("/auth/verify-email/resend", Map.of("email", freshEmail("ghost"))).status()).isEqualTo(202);
        String second = Mailbox.token(email, "Confirm", 2);
        assertThat(api.post("/auth/verify-email", Map.of("token", first)).status()).isEqualTo(400);
        assertThat(api.post("/auth/verify-email", Map.of("token", second)).status()).isEqualTo(204);
    }
}
