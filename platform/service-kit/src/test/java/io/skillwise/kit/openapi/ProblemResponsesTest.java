package io.skillwise.kit.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Error answers documented with a code and a description get the one problem body, and nothing else. */
class ProblemResponsesTest {

    private static final String PROBLEM = "#/components/schemas/" + KitOpenApiAutoConfiguration.PROBLEM_SCHEMA;

    @Test
    void anErrorDocumentedByItsCodeAloneCarriesTheProblemBody() {
        Schema<?> course = new Schema<>().$ref("#/components/schemas/Course");
        ApiResponses responses = new ApiResponses()
                .addApiResponse("200", new ApiResponse().description("the course").content(json(course)))
                // springdoc puts the method's return type under a code it was told nothing else about
                .addApiResponse("404", new ApiResponse().description("No such course").content(json(course)))
                .addApiResponse("400", new ApiResponse().description("Invalid").content(new Content()
                        .addMediaType("application/problem+json", new MediaType())))
                .addApiResponse("503", new ApiResponse().description("Away"))
                .addApiResponse("409", new ApiResponse().$ref("#/components/responses/Conflict"));
        OpenAPI api = new OpenAPI().paths(new Paths().addPathItem("/api/v1/courses/{id}",
                new PathItem().get(new Operation().responses(responses))));

        new KitOpenApiAutoConfiguration().problemResponses().customise(api);

        assertThat(api.getComponents().getSchemas().get(KitOpenApiAutoConfiguration.PROBLEM_SCHEMA).getProperties())
                .containsKeys("type", "title", "status", "detail", "instance", "errors");
        for (String code : new String[] {"404", "400", "503"}) {
            Content content = responses.get(code).getContent();
            assertThat(content.keySet()).as(code).containsExactly("application/problem+json");
            assertThat(content.get("application/problem+json").getSchema().get$ref()).as(code).isEqualTo(PROBLEM);
        }
        assertThat(responses.get("200").getContent().get("application/json").getSchema().get$ref())
                .as("success answers keep their body").isEqualTo("#/components/schemas/Course");
        assertThat(responses.get("409").getContent()).as("a shared response stays a reference").isNull();
    }

    @Test
    void anErrorWithAProblemSchemaOfItsOwnKeepsIt() {
        Schema<?> own = new StringSchema();
        ApiResponses responses = new ApiResponses().addApiResponse("422", new ApiResponse().description("Refused")
                .content(new Content().addMediaType("application/problem+json", new MediaType().schema(own))));
        OpenAPI api = new OpenAPI().paths(new Paths().addPathItem("/api/v1/things",
                new PathItem().post(new Operation().responses(responses))));

        new KitOpenApiAutoConfiguration().problemResponses().customise(api);

        assertThat(responses.get("422").getContent().get("application/problem+json").getSchema()).isSameAs(own);
    }

    private static Content json(Schema<?> schema) {
        return new Content().addMediaType("application/json", new MediaType().schema(schema));
    }
}
