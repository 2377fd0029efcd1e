package io.skillwise.systemtests;

import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.OpenApiContract;
import io.skillwise.testsupport.OpenApiLint;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A well-formed request of any documented operation, made from the document alone: a value for each path and
 * required query parameter and a JSON body, each from the example, enum or format the document shows (the API
 * contract makes every operation show them). Ids are new random ones, so the request names no existing object;
 * what the security matrix needs to see that a refusal comes from the access rule and not from the input.
 */
final class ExampleRequests {

    private final OpenAPI document;

    ExampleRequests(OpenAPI document) {
        this.document = document;
    }

    /** The operation's path with a value for every variable and required query parameter. */
    String target(OpenApiContract.Access access) {
        return target(access, Map.of());
    }

    /**
     * The operation's path with the given value for each variable {@code pathValues} names (the ids of real
     * objects), the example value for every other variable and for every required query parameter.
     */
    String target(OpenApiContract.Access access, Map<String, String> pathValues) {
        String path = access.path();
        List<String> query = new ArrayList<>();
        for (Parameter parameter : parameters(access)) {
            String value = "path".equals(parameter.getIn()) && pathValues.containsKey(parameter.getName())
                    ? pathValues.get(parameter.getName())
                    : String.valueOf(exampleOf(parameter.getSchema(), parameter.getExample(), 0));
            if ("path".equals(parameter.getIn())) {
                path = path.replace("{" + parameter.getName() + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
            } else if ("query".equals(parameter.getIn()) && Boolean.TRUE.equals(parameter.getRequired())) {
                query.add(parameter.getName() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    /** A JSON body for the operation, or null when it takes none (or takes no JSON). */
    Object body(OpenApiContract.Access access) {
        var requestBody = access.operation().getRequestBody();
        if (requestBody == null || requestBody.getContent() == null) {
            return null;
        }
        MediaType json = requestBody.getContent().get("application/json");
        if (json == null) {
            return null;
        }
        if (json.getExample() != null) {
            return plain(json.getExample());
        }
        return json.getSchema() == null ? Map.of() : exampleOf(json.getSchema(), null, 0);
    }

    private List<Parameter> parameters(OpenApiContract.Access access) {
        List<Parameter> parameters = new ArrayList<>();
        var item = document.getPaths().get(access.path());
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (access.operation().getParameters() != null) {
            parameters.addAll(access.operation().getParameters());
        }
        return parameters;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Object exampleOf(Schema schema, Object example, int depth) {
        if (example != null) {
            return plain(example);
        }
        if (schema == null || depth > 8) {
            return "example";
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            return exampleOf(document.getComponents().getSchemas().get(name), null, depth + 1);
        }
        if (schema.getExample() != null) {
            return plain(schema.getExample());
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return plain(schema.getExamples().get(0));
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return plain(schema.getEnum().get(0));
        }
        if (schema.getDefault() != null) {
            return plain(schema.getDefault());
        }
        for (List parts : new List[]{schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()}) {
            if (parts != null && !parts.isEmpty()) {
                return exampleOf((Schema) parts.get(0), null, depth + 1);
            }
        }
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        switch (format) {
            case "uuid":
                return UUID.randomUUID().toString();
            case "date-time":
                return OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).withNano(0).toString();
            case "date":
                return LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
            default:
                break;
        }
        var types = OpenApiLint.typesOf(schema);
        if (types.contains("boolean")) {
            return true;
        }
        if (types.contains("integer") || types.contains("number")) {
            return schema.getMinimum() != null ? schema.getMinimum() : 1;
        }
        if (types.contains("array")) {
            // as many items as the array must have, each different (ids of a bundle's courses must be)
            int size = schema.getMinItems() == null ? 1 : Math.max(1, schema.getMinItems());
            List<Object> items = new ArrayList<>();
            while (items.size() < size) {
                Object item = exampleOf(schema.getItems(), null, depth + 1);
                items.add(items.contains(item) ? UUID.randomUUID().toString() : item);
            }
            return items;
        }
        if (schema.getProperties() != null) {
            Map<String, Object> object = new LinkedHashMap<>();
            ((Map<String, Schema>) schema.getProperties()).forEach((name, property) ->
                    object.put(name, exampleOf(property, null, depth + 1)));
            return object;
        }
        return types.contains("object") ? Map.of() : "example";
    }

    /** An example as plain Java values: the parser gives JSON examples as its own Jackson nodes. */
    private static Object plain(Object example) {
        if (example instanceof com.fasterxml.jackson.databind.JsonNode node) {
            return ApiClient.JSON.readValue(node.toString(), Object.class);
        }
        return example;
    }
}
