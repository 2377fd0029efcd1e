package io.skillwise.testsupport;

import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenApiContractTest {

    private static final String DOCUMENTED = """
            "summary": "Write a review", "description": "A learner of the course.", "tags": ["Reviews"],
            "x-skillwise-access": {"level": "roles", "roles": ["student"]}""";
    private static final String PROBLEM = """
            "404": {"description": "not-found", "content": {"application/problem+json": {}}}""";

    @Test
    void anOperationWhoseBodiesShowNoExampleFallsShortNamingWhatLacksOne() {
        OpenAPI document = document("""
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewReview"}}}},
                "responses": {%s,
                  "201": {"description": "written", "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Review"}}}}}""".formatted(PROBLEM), """
                "NewReview": {"type": "object", "properties": {
                  "rating": {"type": "integer", "minimum": 1, "maximum": 5},
                  "comment": {"type": "string", "maxLength": 2000}}},
                "Review": {"type": "object", "properties": {
                  "id": {"type": "string", "format": "uuid"},
                  "rating": {"type": "integer", "example": 5},
                  "price": {"$ref": "#/components/schemas/Money"},
                  "tags": {"type": "array", "items": {"type": "string"}}}},
                "Money": {"type": "object", "properties": {
                  "amount": {"type": "integer"}, "currency": {"type": "string", "example": "USD"}}}""");

        assertThat(OpenApiContract.missingExamples(document)).containsExactly("POST /api/v1/courses/{id}/reviews lacks "
                + "an example of its request body application/json (none for NewReview.rating, NewReview.comment), "
                + "an example of its 201 body application/json (none for Review.price.amount, Review.tags[])");
    }

    @Test
    void examplesOfTheMediaTypeOrOfEveryPropertyOfTheSchemaAreEnough() {
        OpenAPI document = document("""
                "requestBody": {"content": {"application/json": {"schema": {"type": "object"},
                  "example": {"rating": 5, "comment": "Clear and well paced."}}}},
                "responses": {%s,
                  "201": {"description": "written", "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Review"}}}},
                  "204": {"description": "nothing to answer"}}""".formatted(PROBLEM), """
                "Review": {"type": "object", "properties": {
                  "id": {"type": "string", "format": "uuid"},
                  "status": {"type": "string", "enum": ["PUBLISHED", "HIDDEN"]},
                  "verified": {"type": "boolean"},
                  "postedAt": {"type": "string", "format": "date-time"},
                  "rating": {"type": "integer", "example": 5},
                  "tags": {"type": "array", "items": {"type": "string", "example": "pacing"}},
                  "reply": {"$ref": "#/components/schemas/Review"}}}""");

        assertThat(OpenApiContract.missingExamples(document)).isEmpty();
    }

    @Test
    void theShapeOfANamedComponentIsItsPropertiesAndAMissingComponentFails() {
        OpenAPI document = document("""
                "responses": {%s}""".formatted(PROBLEM), """
                "ReviewAuthor": {"type": "object", "properties": {
                  "id": {"type": "string", "format": "uuid"}, "displayName": {"type": "string"}}}""");

        assertThat(OpenApiContract.propertiesOf(document, "ReviewAuthor")).containsOnlyKeys("id", "displayName");
        assertThatThrownBy(() -> OpenApiContract.propertiesOf(document, "Author")).hasMessageContaining("Author");
    }

    @Test
    void aBodyShownAsAJacksonTreeFailsTheContract() {
        OpenAPI document = document("""
                "requestBody": {"content": {"application/merge-patch+json": {
                  "schema": {"$ref": "#/components/schemas/JsonNode"}}}},
                "responses": {%s}""".formatted(PROBLEM), """
                "JsonNode": {"type": "object", "properties": {
                  "nodeType": {"type": "string", "enum": ["ARRAY", "OBJECT"]}, "empty": {"type": "boolean"}}},
                "ProfileChanges": {"type": "object", "properties": {
                  "headline": {"type": "string", "maxLength": 120}}}""");

        assertThat(OpenApiContract.javaTreeSchemas(document)).containsExactly("JsonNode");
    }

    @Test
    void aDocumentThatIsNotOpenApi31FailsTheContract() {
        String openApi30 = """
                {"openapi": "3.0.1", "info": {"title": "t", "version": "v1"},
                 "paths": {"/api/v1/courses": {"get": {%s, "responses": {%s}}}}}""".formatted(DOCUMENTED, PROBLEM);

        assertThatThrownBy(() -> OpenApiContract.assertComplete(openApi30)).hasMessageContaining("OpenAPI version");
        assertThat(OpenApiContract.assertComplete(openApi30.replace("3.0.1", "3.1.0")).getOpenapi())
                .isEqualTo("3.1.0");
    }

    @Test
    void anOperationThatDoesNotSayWhoMayCallItFallsShort() {
        String withoutAccess = DOCUMENTED.substring(0, DOCUMENTED.indexOf(",\n"));
        String roleWithoutRoles = DOCUMENTED.replace("\"roles\": [\"student\"]", "\"roles\": []");
        String unknownLevel = DOCUMENTED.replace("\"level\": \"roles\"", "\"level\": \"anyone\"");

        for (String operation : List.of(withoutAccess, roleWithoutRoles, unknownLevel)) {
            OpenAPI document = OpenApiContract.parse(singleOperation(operation));
            assertThat(OpenApiContract.shortcomings(document)).containsExactly("GET /api/v1/courses lacks an "
                    + "x-skillwise-access extension saying who may call it");
        }
        OpenAPI documented = OpenApiContract.parse(singleOperation(DOCUMENTED));
        assertThat(OpenApiContract.accessOf(documented)).singleElement().satisfies(access -> {
            assertThat(access.level()).isEqualTo("roles");
            assertThat(access.admits(List.of("student"))).isTrue();
            assertThat(access.admits(List.of("instructor"))).isFalse();
        });
    }

    private static String singleOperation(String operation) {
        return """
                {"openapi": "3.1.0", "info": {"title": "t", "version": "v1"},
                 "paths": {"/api/v1/courses": {"get": {%s, "responses": {%s}}}}}""".formatted(operation, PROBLEM);
    }

    private static OpenAPI document(String operation, String schemas) {
        return OpenApiContract.parse("""
                {"openapi": "3.1.0", "info": {"title": "t", "version": "v1"},
                 "paths": {"/api/v1/courses/{id}/reviews": {"post": {%s,
                   "parameters": [{"name": "id", "in": "path", "required": true,
                                   "schema": {"type": "string", "format": "uuid"}}],
                   %s}}},
                 "components": {"schemas": {%s}}}""".formatted(DOCUMENTED, operation, schemas));
    }
}
