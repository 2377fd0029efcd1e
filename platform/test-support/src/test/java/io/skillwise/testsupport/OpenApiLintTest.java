package io.skillwise.testsupport;

import io.skillwise.testsupport.OpenApiLint.Rule;
import io.skillwise.testsupport.OpenApiLint.Violation;
import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenApiLintTest {

    private static final String RESPONSES = """
            "responses": {"200": {"description": "ok"}, "401": {"description": "no token"},
                          "403": {"description": "not allowed"}, "500": {"description": "failure"}}""";

    @Test
    void aDocumentThatBoundsEverythingTheCallerSendsIsClean() {
        OpenAPI document = document("""
                "/api/v1/courses/{courseId}/reviews": {"post": {
                  "parameters": [
                    {"name": "courseId", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
                    {"name": "size", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
                    {"name": "limit", "in": "query",
                     "schema": {"type": "integer", "exclusiveMinimum": 0, "exclusiveMaximum": 1000}},
                    {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["newest", "helpful"]}}],
                  "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Review"}}}},
                  %s}}""".formatted(RESPONSES), """
                "Review": {"type": "object", "properties": {
                  "comment": {"type": ["string", "null"], "maxLength": 2000},
                  "tags": {"type": "array", "maxItems": 5, "items": {"type": "string", "maxLength": 30}},
                  "postedAt": {"type": "string", "format": "date-time"}}}""");

        assertThat(OpenApiLint.violations(document)).isEmpty();
    }

    @Test
    void unboundedInputIsNamedWithItsPlaceInTheRequest() {
        OpenAPI document = document("""
                "/api/v1/courses/{id}": {"patch": {
                  "parameters": [
                    {"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "format": "int64"}},
                    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 0}}],
                  "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Edit"}}}},
                  %s}}""".formatted(RESPONSES), """
                "Edit": {"type": "object", "properties": {
                  "title": {"type": "string"},
                  "objectives": {"type": "array", "items": {"type": "string", "maxLength": 200}},
                  "parts": {"allOf": [{"$ref": "#/components/schemas/Part"}]}}},
                "Part": {"type": "object", "properties": {"name": {"type": "string"}, "next": {"$ref": "#/components/schemas/Part"}}}""");

        assertThat(OpenApiLint.violations(document)).map(Violation::toString).containsExactlyInAnyOrder(
                "owasp-api1:no-numeric-ids PATCH /api/v1/courses/{id} [path id]: an id in the path is a UUID "
                        + "(format uuid), not a guessable value",
                "owasp-api4:integer-limit PATCH /api/v1/courses/{id} [path id]: an integer needs both minimum "
                        + "and maximum",
                "owasp-api4:integer-limit PATCH /api/v1/courses/{id} [query page]: an integer needs both minimum "
                        + "and maximum",
                "owasp-api4:string-limit PATCH /api/v1/courses/{id} [body application/json.title]: a string has "
                        + "no maxLength, enum or bounded format",
                "owasp-api4:array-limit PATCH /api/v1/courses/{id} [body application/json.objectives]: an array "
                        + "has no maxItems",
                "owasp-api4:string-limit PATCH /api/v1/courses/{id} [body application/json.parts.name]: a string "
                        + "has no maxLength, enum or bounded format");
    }

    @Test
    void aSecuredOperationWithoutItsAuthAnswersAndA429Or503WithoutRetryAfterAreViolations() {
        OpenAPI document = document("""
                "/api/v1/payments/create": {"post": {"responses": {
                  "200": {"description": "ok"},
                  "429": {"description": "too many", "content": {"application/problem+json": {}}},
                  "503": {"description": "unavailable", "content": {"application/problem+json": {}}}}}}""", "");

        assertThat(OpenApiLint.violations(document)).extracting(Violation::rule).containsExactlyInAnyOrder(
                Rule.SECURED_DOCUMENTS_401_403, Rule.SECURED_DOCUMENTS_401_403,
                Rule.RATE_LIMITED_DOCUMENTS_RETRY_AFTER, Rule.UNAVAILABLE_DOCUMENTS_RETRY_AFTER, Rule.DOCUMENTS_500);
    }

    @Test
    void aPublicOperationNeedsNo401ButNoCredentialMayTravelInItsUrl() {
        OpenAPI document = document("""
                "/api/v1/notifications/unsubscribe": {"get": {"security": [{}, {"bearer": []}],
                  "parameters": [{"name": "token", "in": "query", "schema": {"type": "string", "maxLength": 500}}],
                  "responses": {"200": {"description": "ok"}, "500": {"description": "failure"}}}}""", "");

        assertThat(OpenApiLint.violations(document)).map(Violation::toString).containsExactly(
                "owasp-api2:no-credentials-in-url GET /api/v1/notifications/unsubscribe [query token]: a credential "
                        + "in the URL ends up in logs and histories");
    }

    @Test
    void plainHttpServersAreForThisMachineOnlyAndBasicAuthIsNever() {
        OpenAPI document = OpenApiContract.parse("""
                {"openapi": "3.1.0", "info": {"title": "t", "version": "v1"},
                 "servers": [{"url": "http://127.0.0.1:8080"}, {"url": "/"}, {"url": "https://api.skillwise.io"},
                             {"url": "http://api.skillwise.io"}],
                 "paths": {},
                 "components": {"securitySchemes": {"basic": {"type": "http", "scheme": "basic"}}}}""");

        assertThat(OpenApiLint.violations(document)).map(Violation::toString).containsExactlyInAnyOrder(
                "owasp-api8:servers-https document [http://api.skillwise.io]: a server other than this machine "
                        + "must be reached over https",
                "owasp-api2:no-http-basic document [basic]: HTTP basic sends the password with every request; "
                        + "use bearer tokens");
    }

    @Test
    void anExceptionExcusesOnlyTheViolationItNamesAndMustGiveItsReason() {
        LintExceptions exceptions = LintExceptions.parse("""
                exceptions:
                  - rule: owasp-api2:no-credentials-in-url
                    operation: GET /api/v1/notifications/unsubscribe
                    subject: query token
                    reason: the one-click unsubscribe link of a mail carries its signed token
                """);
        Violation excused = new Violation(Rule.NO_CREDENTIALS_IN_URL, "GET /api/v1/notifications/unsubscribe",
                "query token", "");
        Violation elsewhere = new Violation(Rule.NO_CREDENTIALS_IN_URL, "GET /api/v1/other", "query token", "");

        assertThat(exceptions.excuses(excused)).isTrue();
        assertThat(exceptions.excuses(elsewhere)).isFalse();
        assertThatThrownBy(() -> LintExceptions.parse("""
                exceptions:
                  - rule: owasp-api4:string-limit
                    operation: GET /api/v1/courses
                """)).hasMessageContaining("reason");
        assertThatThrownBy(() -> LintExceptions.parse("""
                exceptions:
                  - rule: owasp-api4:made-up
                    operation: GET /api/v1/courses
                    reason: because
                """)).hasMessageContaining("no lint rule");
    }

    @Test
    void theListKeptInTheRepositoryLoads() {
        assertThat(LintExceptions.load()).isNotNull();
    }

    private static OpenAPI document(String paths, String schemas) {
        return OpenApiContract.parse("""
                {"openapi": "3.1.0", "info": {"title": "t", "version": "v1"},
                 "security": [{"bearer": []}],
                 "paths": {%s},
                 "components": {"schemas": {%s},
                   "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}}}""".formatted(paths, schemas));
    }
}
