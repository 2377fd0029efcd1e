package io.skillwise.gateway.apidocs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.skillwise.gateway.routing.ServiceRoutes;
import io.skillwise.gateway.routing.ServiceRoutes.ServiceRoute;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One OpenAPI document of the whole public API, made of the services' own documents, so that client generators and
 * collections take one URL (docs/api-conventions.md). A path is taken from the service the gateway routes it to (the
 * same {@link ServiceRoutes} table), which also leaves out what the gateway does not route ({@code /internal/**}).
 * Components of the same name and content are kept once (the kit's {@code Problem}); a name two services use for
 * different things is prefixed with the service's name in that service's part, references included, and so is an
 * operation id another service has taken already. Every
 * operation also gets the answers the gateway itself gives before or instead of the service: 401, 403, 413, 429
 * with {@code Retry-After}, 503 and 504.
 */
final class MergedApiDocument {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String COMPONENTS_PREFIX = "#/components/";
    private static final List<String> OPERATION_KEYS = List.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");

    /** A service's document as the service answered it, or none when it could not be had. */
    record ServiceDocument(String service, Optional<JsonNode> document) {
    }

    private record Route(String service, List<PathPattern> patterns) {
    }

    private final List<Route> routes = new ArrayList<>();

    MergedApiDocument() {
        PathPatternParser parser = new PathPatternParser();
        for (ServiceRoute route : ServiceRoutes.ORDERED) {
            routes.add(new Route(route.service(), route.paths().stream().map(parser::parse).toList()));
        }
    }

    ObjectNode merge(List<ServiceDocument> documents) {
        ObjectNode merged = NODES.objectNode();
        merged.put("openapi", "3.1.0");
        List<String> missing = documents.stream().filter(d -> d.document().isEmpty()).map(ServiceDocument::service)
                .toList();
        ObjectNode info = merged.putObject("info");
        info.put("title", "SkillWise API");
        info.put("version", "v1");
        info.put("description", "The whole public API of SkillWise as the gateway serves it: every service's "
                + "operations under /api/v1, with the gateway's own answers (401, 403, 413, 429, 503, 504). Sign in "
                + "with POST /api/v1/auth/login and send the access token as `Authorization: Bearer <token>`."
                + (missing.isEmpty() ? "" : " Not included, since their documents could not be had just now: "
                + String.join(", ", missing) + "."));
        // relative: the gateway that serves this document is the server, whatever its address
        // x-internal and the environment in the description: OWASP API9 (inventory) asks every server to say both
        merged.putArray("servers").addObject().put("url", "/")
                .put("description", "The API gateway that serves this document, in its environment (local, "
                        + "staging or production)")
                .put("x-internal", false);
        merged.putArray("security").addObject().putArray("bearer");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        Map<String, String> tagNames = new HashMap<>();
        Set<String> operationIds = new HashSet<>();
        for (ServiceDocument part : documents) {
            part.document().ifPresent(document -> add(part.service(), document.deepCopy(), paths, components, tags,
                    tagNames, operationIds));
        }
        addGatewaySecurityScheme(components);
        addProblemSchemaIfMissing(components);
        paths.properties().forEach(path -> operations(path.getValue()).forEach(this::addGatewayAnswers));
        return merged;
    }

    private void add(String service, JsonNode document, ObjectNode paths, ObjectNode components, ArrayNode tags,
                     Map<String, String> tagNames, Set<String> operationIds) {
        Map<String, String> renamed = renameClashes(service, document.path("components"), components);
        rewriteReferences(document, renamed);
        document.path("components").properties().forEach(kind -> {
            ObjectNode into = components.has(kind.getKey()) ? (ObjectNode) components.get(kind.getKey())
                    : components.putObject(kind.getKey());
            kind.getValue().properties().forEach(component -> {
                String name = renamed.getOrDefault(COMPONENTS_PREFIX + kind.getKey() + "/" + component.getKey(),
                        COMPONENTS_PREFIX + kind.getKey() + "/" + component.getKey());
                into.set(name.substring(name.lastIndexOf('/') + 1), component.getValue());
            });
        });
        document.path("paths").properties().forEach(path -> {
            if (service.equals(owner(path.getKey()))) {
                operations(path.getValue()).forEach(operation -> uniqueOperationId(service, operation, operationIds));
                paths.set(path.getKey(), path.getValue());
            }
        });
        for (JsonNode tag : document.path("tags")) {
            String name = tag.path("name").asString();
            if (!tagNames.containsKey(name)) {
                tagNames.put(name, service);
                tags.add(tag);
            }
        }
    }

    /**
     * Services name operations after their controllers' methods ({@code list}, {@code get}), which repeat across
     * services; a generator needs them unique, so a repeated one is prefixed with the service ({@code promotionList}).
     */
    private static void uniqueOperationId(String service, ObjectNode operation, Set<String> taken) {
        if (!operation.path("operationId").isString()) {
            return;
        }
        String id = operation.get("operationId").asString();
        if (taken.contains(id)) {
            String prefixed = service + Character.toUpperCase(id.charAt(0)) + id.substring(1);
            id = prefixed;
            for (int n = 2; taken.contains(id); n++) {
                id = prefixed + n;
            }
            operation.put("operationId", id);
        }
        taken.add(id);
    }

    /** The service the gateway routes this path template to; null when it routes it nowhere. */
    String owner(String pathTemplate) {
        PathContainer path = PathContainer.parsePath(pathTemplate);
        for (Route route : routes) {
            for (PathPattern pattern : route.patterns()) {
                if (pattern.matches(path)) {
                    return route.service();
                }
            }
        }
        return null;
    }

    /** References ({@code #/components/<kind>/<name>}) of this service's components that clash, to their new names. */
    private static Map<String, String> renameClashes(String service, JsonNode own, ObjectNode taken) {
        Map<String, String> renamed = new HashMap<>();
        own.properties().forEach(kind -> kind.getValue().properties().forEach(component -> {
            JsonNode existing = taken.path(kind.getKey()).get(component.getKey());
            if (existing != null && !existing.equals(component.getValue())) {
                String prefix = COMPONENTS_PREFIX + kind.getKey() + "/";
                renamed.put(prefix + component.getKey(), prefix + capitalized(service) + component.getKey());
            }
        }));
        return renamed;
    }

    private static void rewriteReferences(JsonNode node, Map<String, String> renamed) {
        if (renamed.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> property : new ArrayList<>(object.properties())) {
                JsonNode value = property.getValue();
                if ("$ref".equals(property.getKey()) && value.isString() && renamed.containsKey(value.asString())) {
                    object.set("$ref", StringNode.valueOf(renamed.get(value.asString())));
                } else {
                    rewriteReferences(value, renamed);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> rewriteReferences(element, renamed));
        }
    }

    private static List<ObjectNode> operations(JsonNode pathItem) {
        List<ObjectNode> operations = new ArrayList<>();
        for (String method : OPERATION_KEYS) {
            if (pathItem.get(method) instanceof ObjectNode operation) {
                operations.add(operation);
            }
        }
        return operations;
    }

    private void addGatewayAnswers(ObjectNode operation) {
        ObjectNode responses = operation.has("responses") ? (ObjectNode) operation.get("responses")
                : operation.putObject("responses");
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("401", "`unauthorized`: the token is missing (where one is needed), forged, expired, of an "
                + "unknown client or of an ended session; answered by the gateway before the service.");
        answers.put("403", "`forbidden`: a token of another service's client (the API takes the apps' tokens), or "
                + "an /admin path without the admin role; answered by the gateway before the service.");
        if (operation.has("requestBody")) {
            answers.put("413", "`too-large`: the body is over the gateway's limit for the route (1 MB; an avatar "
                    + "2 MB; a lesson file 512 MB).");
        }
        answers.put("429", "`rate-limited`: over a rate limit of the gateway (per user, per address, sign-in and "
                + "code checks, docs/gateway.md); `Retry-After` says in how many seconds to try again.");
        answers.put("503", "`service-unavailable`: the service behind the route is down or its circuit breaker is "
                + "open; try again later.");
        answers.put("504", "`gateway-timeout`: the service did not answer in time; the request may or may not "
                + "have taken effect, so retry with the same Idempotency-Key where the operation takes one.");
        answers.forEach((status, description) -> {
            if (!responses.has(status)) {
                ObjectNode response = responses.putObject(status);
                response.put("description", description);
                response.putObject("content").putObject(PROBLEM_JSON).putObject("schema").put("$ref", PROBLEM_REF);
            } else if ("503".equals(status) && responses.get(status) instanceof ObjectNode unavailable
                    && !unavailable.path("description").asString("").contains("`service-unavailable`")) {
                // the service's own 503 (a store away for a moment) and the gateway's (the service away) both happen
                unavailable.put("description", unavailable.path("description").asString("") + "; or " + description);
            }
        });
        if (responses.get("429") instanceof ObjectNode tooMany && !tooMany.path("headers").has("Retry-After")) {
            ObjectNode headers = tooMany.has("headers") ? (ObjectNode) tooMany.get("headers")
                    : tooMany.putObject("headers");
            ObjectNode retryAfter = headers.putObject("Retry-After");
            retryAfter.put("description", "Seconds to wait before trying again.");
            // with a format, as OWASP API4 asks of every integer: the gateway answers whole seconds, at least one
            retryAfter.putObject("schema").put("type", "integer").put("format", "int32").put("minimum", 1);
        }
    }

    private static void addGatewaySecurityScheme(ObjectNode components) {
        ObjectNode schemes = components.has("securitySchemes") ? (ObjectNode) components.get("securitySchemes")
                : components.putObject("securitySchemes");
        if (!schemes.has("bearer")) {
            ObjectNode bearer = schemes.putObject("bearer");
            bearer.put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                    .put("description", "Access token issued by Keycloak (POST /api/v1/auth/login): a JWT, checked "
                            + "following RFC8725 (JWT best current practices).");
        }
    }

    private static void addProblemSchemaIfMissing(ObjectNode components) {
        ObjectNode schemas = components.has("schemas") ? (ObjectNode) components.get("schemas")
                : components.putObject("schemas");
        if (!schemas.has("Problem")) {
            ObjectNode problem = schemas.putObject("Problem");
            problem.put("type", "object").put("description", "An RFC 9457 problem.");
            ObjectNode properties = problem.putObject("properties");
            properties.putObject("type").put("type", "string").put("format", "uri");
            properties.putObject("title").put("type", "string");
            properties.putObject("status").put("type", "integer");
            properties.putObject("detail").put("type", "string");
            properties.putObject("instance").put("type", "string");
            problem.putArray("required").add("type").add("title").add("status");
        }
    }

    private static String capitalized(String service) {
        return Character.toUpperCase(service.charAt(0)) + service.substring(1);
    }
}
