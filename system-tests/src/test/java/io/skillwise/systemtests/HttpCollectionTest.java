package io.skillwise.systemtests;

import io.skillwise.testsupport.OpenApiContract;
import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpCollectionTest {

    private static final OpenAPI DOCUMENT = OpenApiContract.parse("""
            {"openapi": "3.1.0", "info": {"title": "t", "version": "v1"},
             "security": [{"bearer": []}],
             "paths": {
               "/api/v1/courses": {"get": {"tags": ["Courses"], "summary": "Browse the catalog",
                   "security": [{}, {"bearer": []}],
                   "parameters": [{"name": "search", "in": "query", "schema": {"type": "string"}},
                                  {"name": "sort", "in": "query", "required": true, "schema": {"type": "string"}}],
                   "responses": {"200": {"description": "ok"}}}},
               "/api/v1/courses/{id}/reviews": {"post": {"tags": ["Reviews"], "summary": "Review a course",
                   "parameters": [{"name": "id", "in": "path", "required": true,
                                   "schema": {"type": "string", "format": "uuid"}}],
                   "requestBody": {"content": {"application/json": {
                       "schema": {"$ref": "#/components/schemas/PostReview"}}}},
                   "responses": {"201": {"description": "ok"}}}}},
             "components": {"schemas": {"PostReview": {"type": "object", "properties": {
                 "rating": {"type": "integer", "minimum": 1, "maximum": 5},
                 "comment": {"type": "string", "example": "Clear and hands-on."},
                 "aspects": {"type": "array", "items": {"type": "string", "enum": ["CONTENT", "INSTRUCTOR"]}}}}},
               "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}}}""");

    @Test
    void eachOperationIsARequestWithItsVariablesAnExampleBodyAndATokenWhereItNeedsOne() {
        String collection = HttpCollection.of(DOCUMENT, "http://127.0.0.1:8080");

        assertThat(HttpCollection.requestCount(collection)).isEqualTo(2);
        assertThat(collection).contains("@gateway = http://127.0.0.1:8080\n")
                .contains("""
                        ### Courses: Browse the catalog
                        GET {{gateway}}/api/v1/courses?sort={{sort}}

                        """)
                .contains("""
                        ### Reviews: Review a course
                        POST {{gateway}}/api/v1/courses/{{id}}/reviews
                        Authorization: Bearer {{token}}
                        Content-Type: application/json

                        {
                          "rating" : 1,
                          "comment" : "Clear and hands-on.",
                          "aspects" : [ "CONTENT" ]
                        }
                        """);
    }
}
