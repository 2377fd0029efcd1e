package io.skillwise.testsupport;

import io.skillwise.testsupport.OpenApiLint.Rule;
import io.skillwise.testsupport.OpenApiLint.Violation;
import io.skillwise.testsupport.Spectral.Finding;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpectralTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final JsonNode DOCUMENT = JSON.readTree("""
            {"openapi": "3.1.0", "paths": {"/api/v1/notifications/unsubscribe": {"get": {"parameters": [
              {"name": "token", "in": "query", "schema": {"type": "string", "maxLength": 512}}]}}}}""");

    private static final JsonNode REPORT = JSON.readTree("""
            [{"code": "owasp:api2:2023-no-credentials-in-url", "severity": 0, "message": "Security credentials",
              "path": ["paths", "/api/v1/notifications/unsubscribe", "get", "parameters", "0", "name"]},
             {"code": "owasp:api4:2023-rate-limit", "severity": 0, "message": "rate limiting headers",
              "path": ["paths", "/api/v1/notifications/unsubscribe", "get", "responses", "200"]},
             {"code": "oas3-valid-schema-example", "severity": 0, "message": "must match format",
              "path": ["components", "schemas", "Problem", "example"]},
             {"code": "info-contact", "severity": 1, "message": "Info object must have contact",
              "path": ["info"]}]""");

    @Test
    void aFindingNamesItsOperationAndTheParameterItIsAbout() {
        List<Finding> findings = Spectral.findings(REPORT, DOCUMENT);

        assertThat(findings).extracting(Finding::operation).containsExactly("GET /api/v1/notifications/unsubscribe",
                "GET /api/v1/notifications/unsubscribe", "document", "document");
        assertThat(findings.get(0).subject()).isEqualTo("query token");
        assertThat(findings.get(1).subject()).isNull();
        assertThat(findings).filteredOn(Finding::isError).hasSize(3);
    }

    @Test
    void theLintsExceptionsExcuseSpectralsRuleOfTheSameNameAndSpectralCodesExcuseSpectralOnly() {
        LintExceptions exceptions = LintExceptions.parse("""
                exceptions:
                  - rule: owasp-api2:no-credentials-in-url
                    operation: GET /api/v1/notifications/unsubscribe
                    subject: query token
                    reason: the one-click unsubscribe link of a mail carries its signed token
                  - rule: owasp:api4:2023-rate-limit
                    operation: "*"
                    reason: the gateway answers 429 with Retry-After and sends no RateLimit headers
                """);
        List<Finding> findings = Spectral.findings(REPORT, DOCUMENT);

        assertThat(findings).filteredOn(finding -> !exceptions.excuses(finding)).extracting(Finding::code)
                .containsExactly("oas3-valid-schema-example", "info-contact");
        assertThat(exceptions.excuses(new Violation(Rule.STRING_BOUNDED, "GET /api/v1/courses", "query q", "")))
                .as("a Spectral code excuses nothing of the API lint").isFalse();
    }

    @Test
    void spectralOasRulesTakeNoExceptions() {
        assertThatThrownBy(() -> LintExceptions.parse("""
                exceptions:
                  - rule: oas3-valid-schema-example
                    operation: "*"
                    reason: because
                """)).hasMessageContaining("no lint rule");
    }
}
