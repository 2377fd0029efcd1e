package io.skillwise.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skillwise.kit.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

class SecondFactorPolicyTest {

    private final SecondFactorPolicy policy = new SecondFactorPolicy(new SecondFactorPolicy.Properties(true));

    @Test
    void anInstructorWithoutASecondFactorIsRefusedWithAProblemThatSaysWhatToDo() {
        CurrentUser instructor = user(List.of("student", "instructor"), Map.of());

        assertThatThrownBy(() -> policy.requireForInstructor(instructor, "publish a course"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(e.type()).isEqualTo("mfa-required");
                    assertThat(e.getMessage()).contains("/api/v1/profile/mfa/totp", "publish a course");
                });
    }

    @Test
    void theMappedAttributeClaimOrAStepUpLoginSatisfiesIt() {
        List<String> roles = List.of("student", "instructor");

        assertThatCode(() -> policy.requireForInstructor(user(roles, Map.of("mfa_enabled", true)), "x"))
                .doesNotThrowAnyException();
        assertThatCode(() -> policy.requireForInstructor(user(roles, Map.of("amr", List.of("pwd", "otp"))), "x"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.requireForInstructor(user(roles, Map.of("mfa_enabled", false)), "x"))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void studentsAdminsAndADisabledPolicyPass() {
        assertThatCode(() -> policy.requireForInstructor(user(List.of("student"), Map.of()), "x"))
                .doesNotThrowAnyException();
        assertThatCode(() -> policy.requireForInstructor(user(List.of("instructor", "admin"), Map.of()), "x"))
                .doesNotThrowAnyException();
        SecondFactorPolicy off = new SecondFactorPolicy(new SecondFactorPolicy.Properties(false));
        assertThatCode(() -> off.requireForInstructor(user(List.of("instructor"), Map.of()), "x"))
                .doesNotThrowAnyException();
    }

    private static CurrentUser user(List<String> roles, Map<String, Object> claims) {
        Jwt.Builder token = Jwt.withTokenValue("t").header("alg", "RS256")
                .subject(UUID.randomUUID().toString())
                .claim("email", "grace@example.com")
                .claim("realm_access", Map.of("roles", roles));
        claims.forEach(token::claim);
        return CurrentUser.of(token.build());
    }
}
