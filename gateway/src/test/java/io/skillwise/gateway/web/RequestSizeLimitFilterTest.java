package io.skillwise.gateway.web;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSizeLimitFilterTest {

    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(new RequestSizeProperties(
            DataSize.ofMegabytes(1), DataSize.ofMegabytes(2), DataSize.ofMegabytes(512)));

    @Test
    void avatarAndLessonAssetsHaveTheirOwnLimits() {
        assertThat(filter.limitFor("/api/v1/profile/avatar")).isEqualTo(2 * 1024 * 1024);
        assertThat(filter.limitFor("/api/v1/lessons/4f1c/assets")).isEqualTo(512L * 1024 * 1024);
    }

    @Test
    void everythingElseHasTheDefaultLimit() {
        assertThat(filter.limitFor("/api/v1/profile")).isEqualTo(1024 * 1024);
        assertThat(filter.limitFor("/api/v1/lessons/assets")).isEqualTo(1024 * 1024);
        assertThat(filter.limitFor("/api/v1/lessons/a/b/assets")).isEqualTo(1024 * 1024);
        assertThat(filter.limitFor("/api/v1/lessons//assets")).isEqualTo(1024 * 1024);
    }

    @Test
    void securityHeadersLeaveOnlyHtmlPagesWithoutTheApiPolicy() {
        assertThat(SecurityHeadersFilter.servesPage("/swagger-ui/index.html")).isTrue();
        assertThat(SecurityHeadersFilter.servesPage("/swagger-ui.html")).isTrue();
        assertThat(SecurityHeadersFilter.servesPage("/api/v1/payments/local-checkout/o1")).isTrue();
        assertThat(SecurityHeadersFilter.servesPage("/api/v1/courses")).isFalse();
        assertThat(SecurityHeadersFilter.servesPage("/v3/api-docs/catalog")).isFalse();
    }
}
