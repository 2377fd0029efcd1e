package io.skillwise.testsupport;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is part of the contract (docs/api-conventions.md): what a client developer needs of every
 * operation. The document must parse as OpenAPI 3.1 without a message, and each operation must have a summary, a
 * description, a tag, at least one documented 4xx answer as {@code application/problem+json} and the
 * {@value #ACCESS} extension that says who may call it
 * ({@link #assertComplete}), and an example of its request body and of its success body where it has them
 * ({@link #assertExamplesShown}). The failure names every operation that falls short and what it lacks, so one run
 * shows all the work left.
 *
 * <p>A body shows an example when its media type has one, or when its schema does: the schema's own
 * {@code example}, or, for an object, an example shown by each of its properties (records annotated
 * {@code @Schema(example = ...)}, so that examples come from the code). A value whose schema already tells a real
 * value (an {@code enum}, a {@code boolean}, a UUID, a date, a time, a file) needs none: generators and the
 * Swagger UI show one of its own. HTML pages (for people in a browser, not data) need none either.
 */
public final class OpenApiContract {

    private static final Set<String> JACKSON_TREES = Set.of("JsonNode", "ObjectNode", "ArrayNode", "TreeNode");

    private static final String PROBLEM_JSON = "application/problem+json";
    /** The extension the kit writes on every operation (docs/security.md). */
    public static final String ACCESS = "x-skillwise-access";
    private static final Set<String> ACCESS_LEVELS = Set.of("public", "authenticated", "roles", "service");
    /** Pages for people in a browser (an unsubscribe page, the local checkout), not data a client reads. */
    private static final String HTML = "text/html";
    /** Formats whose every value a generator can make up realistically, so that the schema needs no example. */
    private static final Set<String> SELF_EXPLAINING_FORMATS = Set.of("uuid", "date", "date-time", "time", "binary");
    /** Where {@link #assertDocumentComplete(int)} leaves the document it checked, for Spectral and for people. */
    public static final Path WRITTEN_DOCUMENT = Path.of("target", "openapi.json");

    private OpenApiContract() {
    }

    /**
     * Reads {@code /v3/api-docs} of the application on {@code port}, writes it to {@link #WRITTEN_DOCUMENT} (what
     * Spectral is run on by hand, docs/api-conventions.md#api-lint) and checks it.
     */
    public static OpenAPI assertDocumentComplete(int port) {
        String json = ApiClient.root(port).get("/v3/api-docs").assertStatus(200).text();
        write(json);
        return assertComplete(json);
    }

    /**
     * Parses {@code json} as an OpenAPI 3.1 document and checks every operation in it; answers the parsed document.
     */
    public static OpenAPI assertComplete(String json) {
        OpenAPI openApi = parse(json);
        assertThat(openApi.getOpenapi()).as("the OpenAPI version of the document").startsWith("3.1.");
        assertThat(openApi.getPaths()).as("paths of the document").isNotEmpty();
        assertThat(shortcomings(openApi)).as("operations that do not document themselves").isEmpty();
        assertThat(javaTreeSchemas(openApi)).as("schema components that show a Jackson tree's Java internals instead "
                + "of the JSON a client sends (document a body read as a tree with @RequestBody's schema)").isEmpty();
        return openApi;
    }

    /**
     * Schema components that describe a Jackson tree ({@code JsonNode} and its kinds) rather than JSON: springdoc
     * shows such a parameter as the tree's getters ({@code nodeType}, {@code array}, {@code empty}...), which tells a
     * client nothing of the body an operation takes.
     */
    public static List<String> javaTreeSchemas(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return List.of();
        }
        List<String> trees = new ArrayList<>();
        openApi.getComponents().getSchemas().forEach((name, schema) -> {
            if (JACKSON_TREES.contains(name)
                    || schema.getProperties() != null && schema.getProperties().containsKey("nodeType")) {
                trees.add(name);
            }
        });
        return trees;
    }

    /** Parses {@code json} as an OpenAPI document, failing on any message of the parser. */
    public static OpenAPI parse(String json) {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, null);
        assertThat(parsed.getMessages()).as("messages of the OpenAPI parser").isEmpty();
        assertThat(parsed.getOpenAPI()).as("a parsed OpenAPI document").isNotNull();
        return parsed.getOpenAPI();
    }

    /**
     * The properties of the schema component {@code name}, failing when the document has no such component. What a
     * document test pins a component's shape with: two Java types of one simple name share one component unless one
     * is given a {@code @Schema(name = ...)}, and the document alone cannot tell (it holds one schema, and every
     * reference to either type points at it).
     */
    @SuppressWarnings("rawtypes")
    public static Map<String, Schema> propertiesOf(OpenAPI openApi, String name) {
        Map<String, Schema> schemas = openApi.getComponents() == null ? null : openApi.getComponents().getSchemas();
        assertThat(schemas).as("schema components of the document").containsKey(name);
        Map<String, Schema> properties = schemas.get(name).getProperties();
        assertThat(properties).as("properties of the component %s", name).isNotNull();
        return properties;
    }

    /** Each operation that falls short, as {@code "GET /path lacks a summary, ..."}. */
    public static List<String> shortcomings(OpenAPI openApi) {
        return eachOperationLacking(openApi, OpenApiContract::missingParts);
    }

    /**
     * Fails, naming every operation whose request body or success body shows no example and the properties that
     * show none, unless every body of {@code openApi} shows one.
     */
    public static void assertExamplesShown(OpenAPI openApi) {
        assertThat(missingExamples(openApi)).as("operations whose bodies show no example").isEmpty();
    }

    /** Each operation with a body that shows no example, as {@code "POST /path lacks an example of its ..."}. */
    public static List<String> missingExamples(OpenAPI openApi) {
        return eachOperationLacking(openApi, new Examples(openApi)::missingIn);
    }

    private static List<String> eachOperationLacking(OpenAPI openApi, Function<Operation, List<String>> lacks) {
        List<String> shortcomings = new ArrayList<>();
        if (openApi.getPaths() == null) {
            return shortcomings;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            List<String> missing = lacks.apply(operation);
            if (!missing.isEmpty()) {
                shortcomings.add(method + " " + path + " lacks " + String.join(", ", missing));
            }
        }));
        return shortcomings;
    }

    private static List<String> missingParts(Operation operation) {
        List<String> missing = new ArrayList<>();
        if (isBlank(operation.getSummary())) {
            missing.add("a summary");
        }
        if (isBlank(operation.getDescription())) {
            missing.add("a description");
        }
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            missing.add("a tag");
        }
        if (!hasProblemAnswer(operation)) {
            missing.add("a 4xx response as " + PROBLEM_JSON);
        }
        if (!declaresAccess(operation)) {
            missing.add("an " + ACCESS + " extension saying who may call it");
        }
        return missing;
    }

    /**
     * Who may call the operation, as the kit generates it from what the code enforces (docs/security.md): a
     * {@code level} of {@link #ACCESS_LEVELS}, and for {@code roles} a non-empty list of them.
     */
    private static boolean declaresAccess(Operation operation) {
        if (operation.getExtensions() == null || !(operation.getExtensions().get(ACCESS) instanceof Map<?, ?> access)
                || !(access.get("level") instanceof String level) || !ACCESS_LEVELS.contains(level)) {
            return false;
        }
        return !level.equals("roles") || access.get("roles") instanceof List<?> roles && !roles.isEmpty();
    }

    /**
     * The access of every operation, read from its {@value #ACCESS} extension: what the security matrix of the
     * system tests is generated from.
     */
    public static List<Access> accessOf(OpenAPI openApi) {
        List<Access> operations = new ArrayList<>();
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            assertThat(declaresAccess(operation)).as("%s %s declares its access", method, path).isTrue();
            Map<?, ?> access = (Map<?, ?>) operation.getExtensions().get(ACCESS);
            List<String> roles = access.get("roles") instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList() : List.of();
            operations.add(new Access(method.name(), path, (String) access.get("level"), roles,
                    (String) access.get("objectOwner"), operation));
        }));
        return operations;
    }

    /**
     * One operation and who may call it.
     *
     * @param level       {@code public}, {@code authenticated}, {@code roles} or {@code service}
     * @param roles       for {@code roles}: the caller needs one of them
     * @param objectOwner who may act on the object the operation names, or null when it names none that is owned
     */
    public record Access(String method, String path, String level, List<String> roles, String objectOwner,
                         Operation operation) {

        public boolean isPublic() {
            return level.equals("public");
        }

        /** Whether a caller with {@code callerRoles} passes the operation's role check. */
        public boolean admits(List<String> callerRoles) {
            return !level.equals("roles") || roles.stream().anyMatch(callerRoles::contains);
        }
    }

    private static boolean hasProblemAnswer(Operation operation) {
        if (operation.getResponses() == null) {
            return false;
        }
        for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
            Map<String, MediaType> content = response.getValue().getContent();
            if (response.getKey().startsWith("4") && content != null && content.containsKey(PROBLEM_JSON)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static void write(String json) {
        try {
            Files.createDirectories(WRITTEN_DOCUMENT.getParent());
            Files.writeString(WRITTEN_DOCUMENT, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Which bodies of an operation show no example, naming the properties that show none. */
    private record Examples(OpenAPI document) {

        List<String> missingIn(Operation operation) {
            List<String> missing = new ArrayList<>();
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().forEach((mediaType, content) ->
                        missingIn(content, "request body " + mediaType, missing));
            }
            if (operation.getResponses() != null) {
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("2") && response.getContent() != null) {
                        response.getContent().forEach((mediaType, content) ->
                                missingIn(content, status + " body " + mediaType, missing));
                    }
                });
            }
            return missing;
        }

        private void missingIn(MediaType content, String body, List<String> missing) {
            if (body.endsWith(" " + HTML)) {
                return;
            }
            boolean mediaTypeExample = content.getExample() != null
                    || (content.getExamples() != null && !content.getExamples().isEmpty());
            if (mediaTypeExample || content.getSchema() == null) {
                return;
            }
            List<String> without = new ArrayList<>();
            unexemplified(content.getSchema(), "", new HashSet<>(), without);
            if (!without.isEmpty()) {
                missing.add("an example of its " + body + " (none for "
                        + String.join(", ", without.stream().map(place -> place.isEmpty() ? "the body" : place)
                        .toList()) + ")");
            }
        }

        /** Adds to {@code without} each place in {@code schema} that shows no example. */
        private void unexemplified(Schema<?> schema, String place, Set<String> seen, List<String> without) {
            if (schema.getExample() != null || (schema.getExamples() != null && !schema.getExamples().isEmpty())
                    || schema.getEnum() != null || schema.getConst() != null) {
                return;
            }
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
                Schema<?> target = document.getComponents() == null || document.getComponents().getSchemas() == null
                        ? null : document.getComponents().getSchemas().get(name);
                if (target == null) {
                    without.add(place + " (" + name + " is not in the document)");
                } else if (seen.add(name)) {
                    unexemplified(target, place.isEmpty() ? name : place, seen, without);
                    seen.remove(name);
                }
                return;
            }
            Set<String> types = OpenApiLint.typesOf(schema);
            if (types.contains("boolean") || types.contains("null") && types.size() == 1
                    || schema.getFormat() != null && SELF_EXPLAINING_FORMATS.contains(schema.getFormat())) {
                return;
            }
            @SuppressWarnings("rawtypes")
            List<Schema> parts = OpenApiLint.compositionParts(schema);
            if (!parts.isEmpty()) {
                parts.forEach(part -> unexemplified(part, place, seen, without));
                return;
            }
            if (types.contains("array") && schema.getItems() != null) {
                unexemplified(schema.getItems(), place + "[]", seen, without);
            } else if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                schema.getProperties().forEach((name, property) ->
                        unexemplified(property, place.isEmpty() ? name : place + "." + name, seen, without));
            } else if (schema.getAdditionalProperties() instanceof Schema<?> values) {
                unexemplified(values, place + ".*", seen, without);
            } else {
                without.add(place);
            }
        }
    }
}
