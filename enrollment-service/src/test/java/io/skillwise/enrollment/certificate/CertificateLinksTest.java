package io.skillwise.enrollment.certificate;

import org.junit.jupiter.api.Test;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateLinksTest {

    private static final Certificate CERTIFICATE = new Certificate("SW-ABCD-EFGH-JKMN", UUID.randomUUID(),
            UUID.randomUUID(), "Ada Lovelace", UUID.randomUUID(), "Q&A = 100% + more?", UUID.randomUUID(), null,
            Instant.parse("2026-03-31T23:30:00Z"), Duration.ofHours(2));

    @Test
    void withALinkedInPageTheOrganizationIdReplacesTheName() {
        MultiValueMap<String, String> query = query(new CertificateLinks(
                new CertificateProperties("https://skillwise.example/api/v1/certificates", null, "1337")));

        assertThat(query.getFirst("organizationId")).isEqualTo("1337");
        assertThat(query).doesNotContainKey("organizationName");
        assertThat(decoded(query.getFirst("name"))).isEqualTo("Q&A = 100% + more?");
        assertThat(decoded(query.getFirst("certUrl")))
                .isEqualTo("https://skillwise.example/api/v1/certificates/SW-ABCD-EFGH-JKMN");
        assertThat(query.getFirst("issueYear")).isEqualTo("2026");
        assertThat(query.getFirst("issueMonth")).as("the month in UTC").isEqualTo("3");
    }

    @Test
    void withoutOneTheIssuerIsNamed() {
        MultiValueMap<String, String> query = query(new CertificateLinks(
                new CertificateProperties(null, "SkillWise Academy", " ")));

        assertThat(decoded(query.getFirst("organizationName"))).isEqualTo("SkillWise Academy");
        assertThat(query).doesNotContainKey("organizationId");
    }

    private static MultiValueMap<String, String> query(CertificateLinks links) {
        return UriComponentsBuilder.fromUriString(links.addToProfile(CERTIFICATE)).build(true).getQueryParams();
    }

    private static String decoded(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
