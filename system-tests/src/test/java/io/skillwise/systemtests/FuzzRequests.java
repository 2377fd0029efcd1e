package io.skillwise.systemtests;

import io.skillwise.testsupport.OpenApiLint;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Requests made from an OpenAPI document that each break exactly one rule the document states, so the API must
 * refuse every one of them: a parameter or body property of the wrong type, too long, too short, below its minimum,
 * above its maximum, a huge or fractional number, a malformed UUID or date, a value outside its enum, null or missing
 * where required, an unknown property, a body that is empty, malformed, of the wrong shape, nested thousands deep or
 * larger than any limit, and a content type the operation does not take. Everything else in the request is valid:
 * path parameters are fresh UUIDs, bodies start from the document's example.
 * <p>
 * The same document and seed give the same requests, so a failure is reproduced by running again with its seed.
 * Operations are visited in turns, so every operation with something to break gets its share of the requests.
 */
final class FuzzRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String JSON_TYPE = "application/json";
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** Deeper than any JSON parser of the platform accepts (Jackson's default limit is 1000). */
    private static final int NESTING = 5_000;
    /** Larger than the body limit of the gateway and the services (docs/api-conventions.md). */
    private static final int OVERSIZED_BYTES = 3 * 1024 * 1024;

    /** One operation of the document, and what in it a request can break. */
    record FuzzOperation(String method, String path, Operation operation) {

        String name() {
            return method + " " + path;
        }

        boolean writes() {
            return !"GET".equals(method);
        }

        List<Parameter> parameters() {
            return operation.getParameters() == null ? List.of() : operation.getParameters();
        }

        MediaType jsonBody() {
            return operation.getRequestBody() == null || operation.getRequestBody().getContent() == null ? null
                    : operation.getRequestBody().getContent().get(JSON_TYPE);
        }

        boolean takesBody() {
            return operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                    && !operation.getRequestBody().getContent().isEmpty();
        }

        boolean hasInput() {
            return !parameters().isEmpty() || takesBody();
        }
    }

    /** A request to send: {@code target} is the path with its query, {@code mutation} what it breaks. */
    record FuzzRequest(FuzzOperation operation, String method, String target, Map<String, String> headers,
                       byte[] body, String mutation) {

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8)
                    .replace('\n', ' ');
            return method + " " + (target.length() > 160 ? target.substring(0, 160) + "..." : target)
                    + (body == null ? "" : " " + shown + (body.length > 160 ? "... (" + body.length + " bytes)" : ""))
                    + " [" + mutation + "]";
        }
    }

    /** A request being built: everything valid until one mutation breaks one part. */
    private static final class Draft {
        final Map<String, String> pathValues = new LinkedHashMap<>();
        final Map<String, String> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        JsonNode json;
        byte[] raw;
        String contentType;
    }

    private final OpenAPI document;
    private final Random random;

    private FuzzRequests(OpenAPI document, long seed) {
        this.document = document;
        this.random = new Random(seed);
    }

    /** Every operation of the document that takes something a request can break, in the document's order. */
    static List<FuzzOperation> operations(OpenAPI document) {
        List<FuzzOperation> operations = new ArrayList<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            FuzzOperation candidate = new FuzzOperation(method.name(), path, operation);
            if (METHODS.contains(candidate.method()) && candidate.hasInput()) {
                operations.add(candidate);
            }
        }));
        return operations;
    }

    /** {@code count} requests in turns over {@link #operations}, each breaking one rule; the same for one seed. */
    static List<FuzzRequest> generate(OpenAPI document, long seed, int count) {
        FuzzRequests generator = new FuzzRequests(document, seed);
        List<FuzzOperation> operations = operations(document);
        List<FuzzRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(generator.request(operations.get(i % operations.size())));
        }
        return requests;
    }

    private FuzzRequest request(FuzzOperation operation) {
        Draft draft = valid(operation);
        List<Supplier<String>> mutations = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            mutations.add(() -> mutateParameter(draft, parameter));
        }
        if (operation.takesBody()) {
            mutations.add(() -> mutateWholeBody(draft, operation));
            if (draft.json instanceof ObjectNode object) {
                Schema<?> schema = operation.jsonBody().getSchema();
                List<String> properties = new ArrayList<>();
                propertyPaths(schema, "", properties, new HashSet<>(), 0);
                for (String property : properties) {
                    mutations.add(() -> mutateProperty(object, schema, property));
                }
            }
        }
        String mutation = mutations.get(random.nextInt(mutations.size())).get();
        byte[] body = bodyBytes(draft);
        return new FuzzRequest(operation, operation.method(), target(operation, draft), Map.copyOf(draft.headers),
                body, mutation);
    }

    /** A request the document allows: fresh UUIDs in the path, required query and header values, the example body. */
    private Draft valid(FuzzOperation operation) {
        Draft draft = new Draft();
        for (Parameter parameter : operation.parameters()) {
            boolean required = Boolean.TRUE.equals(parameter.getRequired());
            String value = validValue(parameter);
            switch (parameter.getIn()) {
                case "path" -> draft.pathValues.put(parameter.getName(), value);
                case "query" -> {
                    if (required) {
                        draft.query.put(parameter.getName(), value);
                    }
                }
                case "header" -> {
                    if (required) {
                        draft.headers.put(parameter.getName(), value);
                    }
                }
                default -> {
                }
            }
        }
        MediaType json = operation.jsonBody();
        if (json != null) {
            draft.contentType = JSON_TYPE;
            draft.json = json.getExample() != null ? JSON.valueToTree(json.getExample())
                    : HttpCollection.sample(document, json.getSchema(), new HashSet<>());
        } else if (operation.takesBody()) {
            draft.contentType = operation.operation().getRequestBody().getContent().keySet().iterator().next();
            draft.raw = new byte[0];
        }
        return draft;
    }

    private String validValue(Parameter parameter) {
        if (parameter.getExample() != null) {
            return String.valueOf(parameter.getExample());
        }
        Schema<?> schema = resolve(parameter.getSchema());
        if (schema == null) {
            return "1";
        }
        if ("uuid".equals(schema.getFormat())) {
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }
        JsonNode sample = HttpCollection.sample(document, schema, new HashSet<>());
        String value = sample.isString() ? sample.asString() : sample.toString();
        return value.isEmpty() ? "fuzz" : value;
    }

    // ---- parameters

    private String mutateParameter(Draft draft, Parameter parameter) {
        Schema<?> schema = resolve(parameter.getSchema());
        String where = parameter.getIn() + " " + parameter.getName();
        boolean required = Boolean.TRUE.equals(parameter.getRequired());
        List<String[]> values = new ArrayList<>();   // {value, what}; a null value leaves the parameter out
        Set<String> types = schema == null ? Set.of() : OpenApiLint.typesOf(schema);
        if (schema != null && "uuid".equals(schema.getFormat())) {
            values.add(new String[] {"not-a-uuid", "a malformed UUID"});
            values.add(new String[] {"12345678-1234-1234-1234-1234567890123", "a UUID one digit too long"});
            values.add(new String[] {"0", "a number for a UUID"});
        }
        if (schema != null && ("date".equals(schema.getFormat()) || "date-time".equals(schema.getFormat()))) {
            values.add(new String[] {"2026-13-45", "an impossible date"});
            values.add(new String[] {"yesterday", "words for a date"});
        }
        if (types.contains("integer") || types.contains("number")) {
            values.add(new String[] {"abc", "letters for a number"});
            values.add(new String[] {"99999999999999999999999999", "a huge number"});
            if (types.contains("integer")) {
                values.add(new String[] {"1.5", "a fraction for a whole number"});
            }
            if (schema.getMinimum() != null) {
                values.add(new String[] {schema.getMinimum().subtract(BigDecimal.ONE).toPlainString(),
                        "below the minimum " + schema.getMinimum()});
            }
            if (schema.getMaximum() != null) {
                values.add(new String[] {schema.getMaximum().add(BigDecimal.ONE).toPlainString(),
                        "above the maximum " + schema.getMaximum()});
            }
        }
        if (types.contains("boolean")) {
            values.add(new String[] {"maybe", "a word for a boolean"});
        }
        if (schema != null && schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            values.add(new String[] {"NOT_A_VALUE", "a value outside the enum"});
        }
        if (schema != null && schema.getMaxLength() != null) {
            values.add(new String[] {"x".repeat(schema.getMaxLength() + 1),
                    "over maxLength " + schema.getMaxLength()});
        }
        if (schema != null && schema.getMinLength() != null && schema.getMinLength() > 0) {
            values.add(new String[] {"x".repeat(schema.getMinLength() - 1),
                    "under minLength " + schema.getMinLength()});
        }
        if (required && !"path".equals(parameter.getIn())) {
            values.add(new String[] {null, "a required parameter left out"});
        }
        if (values.isEmpty()) {
            // a free string without limits: what it must refuse is left to the operation, not the document
            values.add(new String[] {"x".repeat(5_000), "a 5,000-character value"});
        }
        String[] chosen = values.get(random.nextInt(values.size()));
        Map<String, String> into = switch (parameter.getIn()) {
            case "path" -> draft.pathValues;
            case "header" -> draft.headers;
            default -> draft.query;
        };
        if (chosen[0] == null) {
            into.remove(parameter.getName());
        } else {
            into.put(parameter.getName(), chosen[0]);
        }
        return where + ": " + chosen[1];
    }

    // ---- the body as a whole

    private String mutateWholeBody(Draft draft, FuzzOperation operation) {
        List<String> kinds = new ArrayList<>(List.of("empty", "malformed", "wrong-content-type", "no-content-type",
                "oversized"));
        if (draft.json != null) {
            kinds.addAll(List.of("nested", "array-for-object", "string-for-object"));
            if (draft.json instanceof ObjectNode) {
                kinds.add("unknown-property");
            }
        }
        String kind = kinds.get(random.nextInt(kinds.size()));
        switch (kind) {
            case "empty" -> {
                draft.json = null;
                draft.raw = new byte[0];
                draft.contentType = draft.contentType == null ? JSON_TYPE : draft.contentType;
                return "an empty body";
            }
            case "malformed" -> {
                draft.json = null;
                draft.raw = "{\"unterminated\": [1, 2,".getBytes(StandardCharsets.UTF_8);
                draft.contentType = JSON_TYPE;
                return "malformed JSON";
            }
            case "wrong-content-type" -> {
                boolean json = JSON_TYPE.equals(draft.contentType);
                draft.contentType = json ? "text/plain" : JSON_TYPE;
                if (!json) {
                    draft.json = NODES.objectNode();
                }
                return "the body as " + draft.contentType + ", which the operation does not take";
            }
            case "no-content-type" -> {
                draft.contentType = null;
                if (draft.json == null && draft.raw == null) {
                    draft.raw = "{}".getBytes(StandardCharsets.UTF_8);
                }
                return "a body without a content type";
            }
            case "oversized" -> {
                draft.json = null;
                draft.raw = ("{\"padding\":\"" + "x".repeat(OVERSIZED_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
                draft.contentType = JSON_TYPE;
                return "a body of " + OVERSIZED_BYTES / (1024 * 1024) + " MB";
            }
            case "nested" -> {
                draft.json = null;
                draft.raw = ("{\"nested\":" + "[".repeat(NESTING) + "]".repeat(NESTING) + "}")
                        .getBytes(StandardCharsets.UTF_8);
                return "arrays nested " + NESTING + " deep";
            }
            case "array-for-object" -> {
                draft.json = NODES.arrayNode().add(draft.json);
                return "the body inside an array";
            }
            case "string-for-object" -> {
                draft.json = NODES.stringNode("fuzz");
                return "a string for the body";
            }
            default -> {
                ((ObjectNode) draft.json).put("fuzzUnknownProperty", true);
                return "an unknown property";
            }
        }
    }

    // ---- one property of the body

    /** Collects the dotted path of every property of {@code schema}, nested objects included, to a small depth. */
    private void propertyPaths(Schema<?> schema, String prefix, List<String> into, Set<String> seen, int depth) {
        Schema<?> resolved = resolve(schema);
        if (resolved == null || depth > 2) {
            return;
        }
        if (resolved.getProperties() != null) {
            resolved.getProperties().forEach((name, property) -> {
                String path = prefix.isEmpty() ? name : prefix + "." + name;
                into.add(path);
                String ref = property.get$ref();
                if (ref == null || seen.add(ref)) {
                    propertyPaths(property, path, into, seen, depth + 1);
                    if (ref != null) {
                        seen.remove(ref);
                    }
                }
            });
        } else if (resolved.getAllOf() != null && !resolved.getAllOf().isEmpty()) {
            propertyPaths(resolved.getAllOf().getFirst(), prefix, into, seen, depth);
        }
    }

    /** Breaks the property at {@code path} (dotted) of {@code body}, whose schema is {@code bodySchema}. */
    private String mutateProperty(ObjectNode body, Schema<?> bodySchema, String path) {
        String[] names = path.split("\\.");
        ObjectNode parent = body;
        for (int i = 0; i < names.length - 1; i++) {
            if (parent.get(names[i]) instanceof ObjectNode object) {
                parent = object;
            } else {
                parent = parent.putObject(names[i]);
            }
        }
        Schema<?> owner = bodySchema;
        for (int i = 0; i < names.length - 1; i++) {
            owner = propertySchema(owner, names[i]);
        }
        return "body " + path + ": " + breakProperty(parent, names[names.length - 1], resolve(owner));
    }

    /** Breaks one rule of property {@code name} of {@code parent}, whose schema is {@code owner}; says which. */
    private String breakProperty(ObjectNode parent, String name, Schema<?> owner) {
        Schema<?> schema = resolve(owner == null ? null : propertySchema(owner, name));
        boolean required = owner != null && owner.getRequired() != null && owner.getRequired().contains(name);
        List<Supplier<String>> ways = new ArrayList<>();
        Set<String> types = schema == null ? Set.of() : OpenApiLint.typesOf(schema);
        if (required) {
            ways.add(() -> {
                parent.remove(name);
                return "missing although required";
            });
            ways.add(() -> {
                parent.putNull(name);
                return "null although required";
            });
        }
        if (types.contains("string")) {
            ways.add(() -> {
                parent.putObject(name).put("fuzz", 1);
                return "an object for a string";
            });
            ways.add(() -> {
                parent.putArray(name).add("fuzz");
                return "an array for a string";
            });
            if (schema.getMaxLength() != null) {
                ways.add(() -> {
                    parent.put(name, "x".repeat(schema.getMaxLength() + 1));
                    return "over maxLength " + schema.getMaxLength();
                });
            }
            if (schema.getMinLength() != null && schema.getMinLength() > 0) {
                ways.add(() -> {
                    parent.put(name, "x".repeat(schema.getMinLength() - 1));
                    return "under minLength " + schema.getMinLength();
                });
            }
            if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
                ways.add(() -> {
                    parent.put(name, "NOT_A_VALUE");
                    return "a value outside the enum";
                });
            }
            if ("uuid".equals(schema.getFormat())) {
                ways.add(() -> {
                    parent.put(name, "not-a-uuid");
                    return "a malformed UUID";
                });
            }
            if ("date".equals(schema.getFormat()) || "date-time".equals(schema.getFormat())) {
                ways.add(() -> {
                    parent.put(name, "2026-02-30T25:61:00Z");
                    return "an impossible date";
                });
            }
            if ("email".equals(schema.getFormat())) {
                ways.add(() -> {
                    parent.put(name, "not an address");
                    return "a malformed e-mail address";
                });
            }
        }
        if (types.contains("integer") || types.contains("number")) {
            ways.add(() -> {
                parent.put(name, "abc");
                return "letters for a number";
            });
            ways.add(() -> {
                parent.put(name, new BigInteger("1" + "0".repeat(30)));
                return "a huge number";
            });
            if (types.contains("integer")) {
                ways.add(() -> {
                    parent.put(name, new BigDecimal("1.5"));
                    return "a fraction for a whole number";
                });
            }
            if (schema.getMinimum() != null) {
                ways.add(() -> {
                    parent.put(name, schema.getMinimum().subtract(BigDecimal.ONE));
                    return "below the minimum " + schema.getMinimum();
                });
            }
            if (schema.getMaximum() != null) {
                ways.add(() -> {
                    parent.put(name, schema.getMaximum().add(BigDecimal.ONE));
                    return "above the maximum " + schema.getMaximum();
                });
            }
        }
        if (types.contains("boolean")) {
            ways.add(() -> {
                parent.put(name, "maybe");
                return "a word for a boolean";
            });
        }
        if (types.contains("array")) {
            ways.add(() -> {
                parent.put(name, "fuzz");
                return "a string for an array";
            });
            if (schema.getMaxItems() != null) {
                ways.add(() -> {
                    JsonNode item = schema.getItems() == null ? NODES.stringNode("fuzz")
                            : HttpCollection.sample(document, schema.getItems(), new HashSet<>());
                    ArrayNode array = parent.putArray(name);
                    for (int i = 0; i <= schema.getMaxItems(); i++) {
                        array.add(item.deepCopy());
                    }
                    return "over maxItems " + schema.getMaxItems();
                });
            }
            if (schema.getMinItems() != null && schema.getMinItems() > 0) {
                ways.add(() -> {
                    parent.putArray(name);
                    return "under minItems " + schema.getMinItems();
                });
            }
        }
        if (types.contains("object") || (schema != null && schema.getProperties() != null)) {
            ways.add(() -> {
                parent.put(name, 42);
                return "a number for an object";
            });
        }
        if (ways.isEmpty()) {
            ways.add(() -> {
                parent.putObject(name).put("fuzzUnknownProperty", true);
                return "an object of unknown properties";
            });
        }
        return ways.get(random.nextInt(ways.size())).get();
    }

    // ---- schemas

    @SuppressWarnings("rawtypes")
    private Schema<?> propertySchema(Schema<?> owner, String name) {
        Schema<?> resolved = resolve(owner);
        if (resolved == null) {
            return null;
        }
        if (resolved.getProperties() != null && resolved.getProperties().containsKey(name)) {
            return resolved.getProperties().get(name);
        }
        if (resolved.getAllOf() != null) {
            for (Schema part : resolved.getAllOf()) {
                Schema<?> found = propertySchema(part, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The schema a {@code $ref} names, or the only non-null part of a {@code oneOf}/{@code anyOf} (nullable). */
    @SuppressWarnings("rawtypes")
    private Schema<?> resolve(Schema<?> schema) {
        if (schema == null) {
            return null;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            return resolve(document.getComponents().getSchemas().get(name));
        }
        List<Schema> parts = schema.getOneOf() != null ? schema.getOneOf() : schema.getAnyOf();
        if (parts != null) {
            List<Schema> typed = parts.stream()
                    .filter(part -> !OpenApiLint.typesOf(part).equals(Set.of("null"))).toList();
            if (typed.size() == 1) {
                return resolve(typed.getFirst());
            }
        }
        return schema;
    }

    // ---- the request

    private static String target(FuzzOperation operation, Draft draft) {
        String path = operation.path();
        for (Map.Entry<String, String> value : draft.pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", encode(value.getValue()));
        }
        StringBuilder target = new StringBuilder(path);
        String separator = "?";
        for (Map.Entry<String, String> value : draft.query.entrySet()) {
            target.append(separator).append(encode(value.getKey())).append('=').append(encode(value.getValue()));
            separator = "&";
        }
        return target.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bodyBytes(Draft draft) {
        if (draft.json != null) {
            if (draft.contentType != null) {
                draft.headers.put("Content-Type", draft.contentType);
            }
            return JSON.writeValueAsBytes(draft.json);
        }
        if (draft.raw != null) {
            if (draft.contentType != null) {
                draft.headers.put("Content-Type", draft.contentType);
            }
            return draft.raw;
        }
        return null;
    }
}
