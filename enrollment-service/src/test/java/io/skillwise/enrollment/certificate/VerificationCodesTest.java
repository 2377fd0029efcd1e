package io.skillwise.enrollment.certificate;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationCodesTest {

    @Test
    void codesAreWellFormedAndDoNotRepeat() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = VerificationCodes.next();
            assertThat(VerificationCodes.wellFormed(code)).as(code).isTrue();
            codes.add(code);
        }
        assertThat(codes).hasSize(10_000);
    }

    @Test
    void somethingElseIsNotACode() {
        assertThat(VerificationCodes.wellFormed("SW-ABCD-EFGH-IJKL")).isFalse();
        assertThat(VerificationCodes.wellFormed("'; drop table certificate")).isFalse();
        assertThat(VerificationCodes.wellFormed(null)).isFalse();
    }
}
