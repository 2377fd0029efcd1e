package io.skillwise.identity.mfa;

import io.skillwise.testsupport.ApiResponse;
import io.skillwise.identity.support.ApiTestBase;
import io.skillwise.testsupport.TotpCodes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TotpLoginIT extends ApiTestBase {

    @Test
    void enrolConfirmLoginWithAndWithoutCodeThenRemove() {
        Member member = signUp("totp");
        ApiResponse enrolment = api.withToken(member.accessToken()).post("/profile/mfa/totp", Map.of());
        assertThat(enrolment.status()).as(enrolment.body().toString()).isEqualTo(201);
        String secret = enrolment.text("secret");
        assertThat(enrolment.text("otpauthUri")).startsWith("otpauth://totp/SkillWise:")
                .contains("secret=" + secret).contains("issuer=SkillWise");

        assertThat(api.withToken(member.accessToken()).post("/profile/mfa/totp/confirm", Map.of("code",
                wrongCode(secret))).status())
                .isEqualTo(400);
        assertThat(api.withToken(member.accessToken()).post("/profile/mfa/totp/confirm", Map.of("code",
                TotpCodes.at(secret, Instant.now()))).status()).isEqualTo(204);
        assertThat(api.withToken(member.accessToken()).get("/profile").body().path("mfaEnabled").asBoolean()).isTrue();
        assertThat(api.withToken(member.accessToken()).post("/profile/mfa/totp", Map.of()).status())
                .as("a second enrolment while one is active").isEqualTo(409);

        ApiResponse withoutCode = login(member.email(), member.password(), null);
        assertThat(withoutCode.status()).isEqualTo(401);
        assertThat(withoutCode.body().path("mfaRequired").asBoolean()).isTrue();

        // the success comes straight after the first failure: Keycloak's brute-force detection locks an account
        // for a minute after two failures within a second, and a success clears the failure count
        ApiResponse withCode = login(member.email(), member.password(), TotpCodes.at(secret, Instant.now()));
        assertThat(withCode.status()).as(withCode.body().toString()).isEqualTo(200);
        assertThat(claims(withCode.text("accessToken")).path("mfa_enabled").asBoolean())
                .as("the claim the services' second-factor policy reads").isTrue();

        ApiResponse wrong = login(member.email(), member.password(), wrongCode(secret));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().has("mfaRequired")).isFalse();

        assertThat(api.withToken(withCode.text("accessToken")).send("DELETE", "/profile/mfa/totp", Map.of("code",
                wrongCode(secret))).status())
                .isEqualTo(400);
        assertThat(api.withToken(withCode.text("accessToken")).send("DELETE", "/profile/mfa/totp", Map.of("code",
                TotpCodes.at(secret, Instant.now()))).status()).isEqualTo(204);
        ApiResponse afterRemoval = login(member.email(), member.password(), null);
        assertThat(afterRemoval.status()).isEqualTo(200);
        assertThat(claims(afterRemoval.text("accessToken")).has("mfa_enabled")).isFalse();
    }

    @Test
    void usersCannotSetTheSecondFactorAttributeThemselves() {
        Member member = signUp("selfmfa");
        ApiResponse patch = api.withToken(member.accessToken()).patch("/profile", Map.of("mfaEnabled", true));
        assertThat(patch.status()).isEqualTo(400);
        ApiResponse login = login(member.email(), member.password(), null);
        assertThat(claims(login.text("accessToken")).has("mfa_enabled")).isFalse();
    }

    @Test
    void confirmWithoutEnrolmentIsConflict() {
        Member member = signUp("noenrol");
        assertThat(api.withToken(member.accessToken()).post("/profile/mfa/totp/confirm", Map.of("code", "123456"))
                .status())
                .isEqualTo(409);
        assertThat(api.withToken(member.accessToken()).post("/profile/mfa/totp/confirm", Map.of("code", "12ab"))
                .status())
                .isEqualTo(400);
    }

    /** A code that is valid for none of the steps the server accepts. */
    private static String wrongCode(String secret) {
        Instant now = Instant.now();
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!code.equals(TotpCodes.at(secret, now)) && !code.equals(TotpCodes.at(secret, now.minusSeconds(30)))
                    && !code.equals(TotpCodes.at(secret, now.plusSeconds(30)))
                    && !code.equals(TotpCodes.at(secret, now.plusSeconds(60)))) {
                return code;
            }
        }
    }
}
