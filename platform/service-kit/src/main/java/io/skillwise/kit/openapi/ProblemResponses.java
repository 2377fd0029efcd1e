package io.skillwise.kit.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillwise.kit.security.PublicEndpoints;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.UriTemplate;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The error answers every service gives the same way, documented once (docs/api-conventions.md). Controllers document
 * only what is particular to an operation ({@code @ApiResponse(responseCode = "404", description = ...)}); this adds
 * what the kit itself answers: 400 where an operation takes input (validation, unreadable body), 401 and 403 on every
 * route that needs a token (no or a forged token; a token of another client or without the role), 413 on bodies
 * over the kit's limit, 500, and 503 with {@code Retry-After} on every operation (each reaches a store, and one that is
 * away for a moment answers {@code unavailable} rather than an error). Every 4xx and 5xx answer, the controllers' own included, gets the kit's problem
 * schema as {@code application/problem+json}. Routes a service lists in {@link PublicEndpoints} take a token
 * optionally, and the document says so; one that is sent is checked all the same (401, 403).
 */
final class ProblemResponses implements GlobalOpenApiCustomizer {

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String PROBLEM_SCHEMA = "Problem";

    private static final String EXAMPLE_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    /** The kind of problem the kit answers with each status it documents, for the examples. */
    private static final Map<String, String> EXAMPLE_KINDS = Map.of("400", "validation", "401", "unauthorized",
            "403", "forbidden", "413", "too-large", "429", "too-many-requests", "500", "internal",
            "503", "unavailable");
    private static final Map<String, String> EXAMPLE_DETAILS = Map.of(
            "400", "The request has invalid fields.",
            "401", "A valid access token is required.",
            "403", "You are not allowed to do this.",
            "413", "The request body is larger than this operation takes.",
            "429", "Too many requests; retry in 30 s.",
            "500", "Something went wrong on our side. The error was logged; try again later.",
            "503", "A store this service needs is not reachable right now; try again in a few seconds.");
    private static final String UNAVAILABLE = "`unavailable`: a store this service needs (its database or Kafka) "
            + "is not reachable for a moment; nothing was changed. Retry after `Retry-After` seconds.";

    private final PublicRoutes publicRoutes;

    ProblemResponses(PublicRoutes publicRoutes) {
        this.publicRoutes = publicRoutes;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                document(path, method, operation)));
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean takesBody = operation.getRequestBody() != null;
        if (takesBody || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
            responses.putIfAbsent("400", response("`validation`: a field or parameter breaks its constraints "
                    + "(`errors` lists each); `unreadable-body`: the body is not JSON of this operation or has a "
                    + "field it does not know; `bad-request`: a parameter is missing or of the wrong type."));
        }
        if (publicRoutes.isPublic(path, method)) {
            operation.setSecurity(List.of(new SecurityRequirement(), new SecurityRequirement().addList("bearer")));
            responses.putIfAbsent("401", response("`unauthorized`: a token was sent and is forged, expired or "
                    + "revoked; leave it out to call without one."));
            responses.putIfAbsent("403", response("`forbidden`: a token of another service's client was sent; "
                    + "public routes are for people."));
        } else {
            responses.putIfAbsent("401", response("`unauthorized`: no access token, or one that is forged, "
                    + "expired or revoked (signed out)."));
            responses.putIfAbsent("403", response("`forbidden`: the token is not a user's token of a SkillWise "
                    + "app, or the caller lacks the role this operation needs (see its description)."));
        }
        if (takesBody) {
            responses.putIfAbsent("413", response("`too-large`: the request body is larger than this service "
                    + "takes (1 MB unless configured otherwise)."));
        }
        responses.putIfAbsent("500", response("`internal`: an unexpected failure; the problem says nothing of its "
                + "cause, which is logged with the trace id."));
        ApiResponse unavailable = responses.computeIfAbsent("503", status -> response(UNAVAILABLE));
        String own = unavailable.getDescription();
        if (own == null || own.isBlank()) {
            unavailable.setDescription(UNAVAILABLE);
        } else if (!own.contains("`unavailable`")) {
            // the operation documents a 503 of its own (a third party away); the kit's store outage is one more
            unavailable.setDescription(own + "; or " + UNAVAILABLE);
        }
        responses.forEach((status, response) -> {
            // an error is always a problem, whatever the operation answers when it succeeds; one documented as
            // application/problem+json without a schema (@Content(mediaType = ...) alone) gets the problem schema
            if (status.startsWith("4") || status.startsWith("5")) {
                MediaType problem = response.getContent() == null ? null : response.getContent().get(PROBLEM_JSON);
                if (problem == null) {
                    response.setContent(problemContent());
                } else if (problem.getSchema() == null) {
                    problem.setSchema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA));
                }
                MediaType content = response.getContent().get(PROBLEM_JSON);
                String kind = EXAMPLE_KINDS.get(status);
                if (content != null && content.getExample() == null && kind != null) {
                    content.setExample(problemExample(status, kind, path));
                }
            }
            if (("429".equals(status) || "503".equals(status)) && (response.getHeaders() == null
                    || !response.getHeaders().containsKey("Retry-After"))) {
                response.addHeaderObject("Retry-After", new Header()
                        .description("Seconds to wait before trying again.")
                        .schema(new IntegerSchema().minimum(BigDecimal.ONE)));
            }
        });
    }

    private static ApiResponse response(String description) {
        return new ApiResponse().description(description).content(problemContent());
    }

    static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType()
                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)));
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The field or parameter, e.g. `title`.")
                        .example("title"))
                .addProperty("message", new StringSchema().description("What is wrong with it.")
                        .example("must not be blank"));
        return new ObjectSchema()
                .description("An RFC 9457 problem. `type` ends with the kind of problem, which clients branch on; "
                        + "`detail` is for people.")
                .addProperty("type", new StringSchema().format("uri")
                        .example("https://skillwise.io/problems/validation"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("The request has invalid fields."))
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/v1/courses"))
                .addProperty("errors", new ArraySchema().items(fieldProblem)
                        .description("Only on `validation` problems: each field that breaks a constraint."))
                .required(List.of("type", "title", "status"));
    }

    /**
     * {@code path} with a value for each of its variables, so that it is a URI reference as {@code instance} is: an
     * id for a variable that names one, the variable's name for any other.
     */
    static String examplePath(String path) {
        UriTemplate template = new UriTemplate(path);
        Map<String, String> values = new HashMap<>();
        template.getVariableNames().forEach(name ->
                values.put(name, name.equals("id") || name.endsWith("Id") ? EXAMPLE_ID : name));
        return template.expand(values).toString();
    }

    /**
     * The example of an error answer, on its media type (an object example on the schema is written as a string in
     * an OpenAPI 3.1 document): the problem the kit itself answers with that status, on this operation's path.
     */
    private static ObjectNode problemExample(String status, String kind, String path) {
        HttpStatus httpStatus = HttpStatus.valueOf(Integer.parseInt(status));
        ObjectNode example = Json.mapper().createObjectNode()
                .put("type", "https://skillwise.io/problems/" + kind)
                .put("title", httpStatus.getReasonPhrase())
                .put("status", httpStatus.value())
                .put("detail", EXAMPLE_DETAILS.get(status))
                .put("instance", examplePath(path));
        if ("validation".equals(kind)) {
            example.putArray("errors").addObject().put("field", "title").put("message", "must not be blank");
        }
        return example;
    }
}
