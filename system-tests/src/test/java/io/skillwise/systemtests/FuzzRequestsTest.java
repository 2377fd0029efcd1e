package io.skillwise.systemtests;

import io.skillwise.systemtests.FuzzRequests.FuzzRequest;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.OpenApiContract;
import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FuzzRequestsTest {

    /** A course created from a body with limits and examples, a course read by its UUID, and nothing to break. */
    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {
               "/api/v1/courses": {"post": {"summary": "Create", "description": "Instructors.",
                 "requestBody": {"required": true, "content": {"application/json": {
                   "schema": {"$ref": "#/components/schemas/NewCourse"}}}},
                 "responses": {"201": {"description": "created"}}}},
               "/api/v1/courses/{id}": {"get": {"summary": "Read",
                 "parameters": [{"name": "id", "in": "path", "required": true,
                                 "schema": {"type": "string", "format": "uuid"}}],
                 "responses": {"200": {"description": "the course"}}}},
               "/api/v1/health": {"get": {"summary": "Nothing to break",
                 "responses": {"200": {"description": "up"}}}}
             },
             "components": {"schemas": {"NewCourse": {"type": "object", "required": ["title", "price"],
               "properties": {
                 "title": {"type": "string", "minLength": 1, "maxLength": 200, "example": "Java"},
                 "price": {"type": "integer", "format": "int64", "minimum": 0, "maximum": 1000000,
                           "example": 4900},
                 "level": {"type": "string", "enum": ["BEGINNER", "ADVANCED"]}}}}}}
            """;

    private final OpenAPI document = OpenApiContract.parse(DOCUMENT);

    @Test
    void theSameSeedGivesTheSameRequests() {
        List<String> first = FuzzRequests.generate(document, 42, 200).stream().map(FuzzRequest::toString).toList();
        List<String> again = FuzzRequests.generate(document, 42, 200).stream().map(FuzzRequest::toString).toList();
        List<String> other = FuzzRequests.generate(document, 43, 200).stream().map(FuzzRequest::toString).toList();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void everyOperationWithInputGetsItsShareAndOperationsWithoutInputNone() {
        List<FuzzRequest> requests = FuzzRequests.generate(document, 7, 100);

        assertThat(requests).extracting(request -> request.operation().name())
                .containsOnly("POST /api/v1/courses", "GET /api/v1/courses/{id}")
                .filteredOn(name -> name.startsWith("POST")).hasSize(50);
    }

    @Test
    void pathParametersAreMalformedUuids() {
        List<FuzzRequest> reads = FuzzRequests.generate(document, 11, 200).stream()
                .filter(request -> request.method().equals("GET")).toList();

        assertThat(reads).allSatisfy(request -> {
            assertThat(request.mutation()).startsWith("path id: ");
            assertThat(request.target()).doesNotMatch(
                    "/api/v1/courses/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        });
    }

    @Test
    void eachBodyBreaksOneRuleOfTheDocumentAndKeepsTheRestOfTheExample() {
        List<FuzzRequest> creates = FuzzRequests.generate(document, 5, 2_000).stream()
                .filter(request -> request.method().equals("POST")).toList();

        assertThat(creates).extracting(FuzzRequest::mutation).contains(
                "body title: over maxLength 200", "body title: under minLength 1",
                "body title: missing although required",
                "body price: below the minimum 0", "body price: above the maximum 1000000",
                "body price: a fraction for a whole number", "body price: a huge number",
                "body level: a value outside the enum", "an unknown property", "malformed JSON", "an empty body",
                "arrays nested 5000 deep", "a body of 3 MB", "a body without a content type");
        FuzzRequest tooLong = creates.stream().filter(r -> r.mutation().equals("body title: over maxLength 200"))
                .findFirst().orElseThrow();
        JsonNode body = ApiClient.JSON.readTree(new String(tooLong.body(), StandardCharsets.UTF_8));
        assertThat(body.path("title").asString()).hasSize(201);
        assertThat(body.path("price").asLong()).isEqualTo(4900);
        assertThat(tooLong.headers()).containsEntry("Content-Type", "application/json");
    }
}
