package io.skillwise.kit.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Every service documents itself with the same bearer scheme, points "try it out" at the gateway, and shows its
 * error answers with the one problem body they all have.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class KitOpenApiAutoConfiguration {

    /** The component name of the RFC 9457 problem every error answer carries ({@code ApiExceptionHandler}). */
    public static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(@Value("${spring.application.name}") String name,
                           @Value("${skillwise.gateway-url:http://127.0.0.1:8080}") String gatewayUrl) {
        return new OpenAPI()
                .info(new Info().title("SkillWise " + name).version("v1")
                        .description("Part of the SkillWise API; call it through the gateway at /api/v1."))
                .addServersItem(new Server().url(gatewayUrl).description("API gateway"))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("Access token issued by Keycloak (POST /api/v1/auth/login)")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * An error response an endpoint documents with only a code and a description
     * ({@code @ApiResponse(responseCode = "404", description = "No such course")}) gets the problem body as
     * {@code application/problem+json} (and only that), and one that names that media type without a schema gets the
     * schema, so controllers state their refusals without repeating the error model.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getResponses() == null) {
                    return;
                }
                operation.getResponses().forEach((code, response) -> {
                    if (!(code.startsWith("4") || code.startsWith("5")) || response.get$ref() != null) {
                        return;
                    }
                    MediaType problem = response.getContent() == null ? null
                            : response.getContent().get(PROBLEM_MEDIA_TYPE);
                    if (problem == null) {
                        // springdoc puts the method's return type under every code it was not told a body for
                        response.setContent(new Content().addMediaType(PROBLEM_MEDIA_TYPE, new MediaType()));
                        problem = response.getContent().get(PROBLEM_MEDIA_TYPE);
                    }
                    if (problem.getSchema() == null) {
                        problem.setSchema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA));
                    }
                });
            }));
        };
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("https://skillwise.io/problems/not-found"))
                .addProperty("title", new StringSchema().example("Not Found"))
                .addProperty("status", new IntegerSchema().example(404))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("for validation problems: one entry per invalid field"));
    }
}
