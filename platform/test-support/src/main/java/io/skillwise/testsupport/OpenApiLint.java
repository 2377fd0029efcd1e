package io.skillwise.testsupport;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API lint beyond {@link OpenApiContract}: the rules of the OWASP API Security Top 10 that an OpenAPI document can
 * show (docs/api-conventions.md#api-lint). Each rule has a name ({@link Rule}); each violation names the rule, the
 * operation and what in it breaks the rule. Violations the team accepts are listed, each with its reason, in
 * {@link LintExceptions} ({@code openapi-lint-exceptions.yaml} of test-support).
 *
 * <p>Limits are checked on what a caller sends (parameters and request bodies): that is what OWASP API4 (unrestricted
 * resource consumption) is about, and what the services enforce with bean validation; answers are the services'
 * own.
 */
public final class OpenApiLint {

    /** Formats whose values have a bounded length by their grammar, so need no {@code maxLength}. */
    private static final Set<String> BOUNDED_FORMATS = Set.of("uuid", "date", "date-time", "time", "binary");
    /** Parameter names that say a credential travels in the URL, where logs and browser histories keep it. */
    private static final Set<String> CREDENTIAL_NAMES = Set.of("token", "accesstoken", "access_token", "apikey",
            "api_key", "api-key", "password", "secret", "clientsecret", "client_secret");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    /** The rules, named so that an exception can name what it excuses. */
    public enum Rule {
        /** An operation that needs a token documents 401 (no or a bad token) and 403 (not allowed). */
        SECURED_DOCUMENTS_401_403("owasp-api2:secured-operation-documents-401-403"),
        /** A 429 answer tells when to come back ({@code Retry-After}). */
        RATE_LIMITED_DOCUMENTS_RETRY_AFTER("owasp-api4:429-has-retry-after"),
        /** A 503 answer (a store or the service away for a moment) tells when to try again ({@code Retry-After}). */
        UNAVAILABLE_DOCUMENTS_RETRY_AFTER("owasp-api8:503-has-retry-after"),
        /** A string sent by the caller has a {@code maxLength}, an {@code enum} or a format of bounded length. */
        STRING_BOUNDED("owasp-api4:string-limit"),
        /** An array sent by the caller has {@code maxItems}. */
        ARRAY_BOUNDED("owasp-api4:array-limit"),
        /** An integer sent by the caller has a {@code minimum} and a {@code maximum}. */
        INTEGER_BOUNDED("owasp-api4:integer-limit"),
        /** A path parameter that names a resource ({@code id}, {@code ...Id}) is a UUID, not a guessable number. */
        ID_IS_UUID("owasp-api1:no-numeric-ids"),
        /** No credential (token, key, password) travels in the URL. */
        NO_CREDENTIALS_IN_URL("owasp-api2:no-credentials-in-url"),
        /** No HTTP basic authentication. */
        NO_HTTP_BASIC("owasp-api2:no-http-basic"),
        /** Servers are reached over HTTPS, except this machine's own address for local development. */
        SERVERS_HTTPS("owasp-api8:servers-https"),
        /** An operation documents 500, so that clients know failures are problems too. */
        DOCUMENTS_500("owasp-api8:define-error-responses-500");

        private final String id;

        Rule(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** A rule broken by {@code operation} ({@code "POST /api/v1/courses"}, or {@code "document"}) at {@code subject}. */
    public record Violation(Rule rule, String operation, String subject, String message) {

        @Override
        public String toString() {
            return rule.id() + " " + operation + (subject.isEmpty() ? "" : " [" + subject + "]") + ": " + message;
        }
    }

    private OpenApiLint() {
    }

    /** Fails, naming every violation, unless each violation of {@code document} is excused in the exceptions list. */
    public static void assertClean(OpenAPI document) {
        LintExceptions exceptions = LintExceptions.load();
        List<String> unexcused = violations(document).stream().filter(violation -> !exceptions.excuses(violation))
                .map(Violation::toString).toList();
        assertThat(unexcused).as("API lint violations (docs/api-conventions.md#api-lint)").isEmpty();
    }

    /** Every violation of every rule in {@code document}. */
    public static List<Violation> violations(OpenAPI document) {
        List<Violation> violations = new ArrayList<>();
        checkServers(document, violations);
        checkSecuritySchemes(document, violations);
        if (document.getPaths() != null) {
            document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    new OperationCheck(document, method + " " + path, operation, violations).run()));
        }
        return violations;
    }

    private static void checkServers(OpenAPI document, List<Violation> violations) {
        for (Server server : document.getServers() == null ? List.<Server>of() : document.getServers()) {
            URI url = URI.create(server.getUrl());
            boolean relative = url.getScheme() == null;
            boolean local = url.getHost() != null && LOOPBACK_HOSTS.contains(url.getHost());
            if (!relative && !"https".equals(url.getScheme()) && !local) {
                violations.add(new Violation(Rule.SERVERS_HTTPS, "document", server.getUrl(),
                        "a server other than this machine must be reached over https"));
            }
        }
    }

    private static void checkSecuritySchemes(OpenAPI document, List<Violation> violations) {
        if (document.getComponents() == null || document.getComponents().getSecuritySchemes() == null) {
            return;
        }
        document.getComponents().getSecuritySchemes().forEach((name, scheme) -> {
            if (scheme.getType() == SecurityScheme.Type.HTTP && "basic".equalsIgnoreCase(scheme.getScheme())) {
                violations.add(new Violation(Rule.NO_HTTP_BASIC, "document", name,
                        "HTTP basic sends the password with every request; use bearer tokens"));
            }
        });
    }

    /** The parts of an {@code allOf}, {@code oneOf} or {@code anyOf}; none for a plain schema. */
    @SuppressWarnings("rawtypes")
    static List<Schema> compositionParts(Schema<?> schema) {
        List<Schema> parts = new ArrayList<>();
        for (List<Schema> each : Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
            if (each != null) {
                parts.addAll(each);
            }
        }
        return parts;
    }

    /** OpenAPI 3.1 lists types ({@code type: [string, "null"]}); 3.0 has one. */
    public static Set<String> typesOf(Schema<?> schema) {
        Set<String> types = new HashSet<>();
        if (schema.getType() != null) {
            types.add(schema.getType());
        }
        if (schema.getTypes() != null) {
            types.addAll(schema.getTypes());
        }
        return types;
    }

    /** The rules of one operation, with the document to resolve {@code $ref}s against. */
    private record OperationCheck(OpenAPI document, String operation, Operation subject, List<Violation> violations) {

        private static boolean lacksRetryAfter(ApiResponse answer) {
            return answer != null && (answer.getHeaders() == null || !answer.getHeaders().containsKey("Retry-After"));
        }

        void run() {
            Map<String, ApiResponse> responses = subject.getResponses() == null ? Map.of() : subject.getResponses();
            if (needsToken()) {
                for (String status : List.of("401", "403")) {
                    if (!responses.containsKey(status)) {
                        add(Rule.SECURED_DOCUMENTS_401_403, status, "an operation that needs a token documents "
                                + status);
                    }
                }
            }
            if (lacksRetryAfter(responses.get("429"))) {
                add(Rule.RATE_LIMITED_DOCUMENTS_RETRY_AFTER, "429", "the 429 answer has no Retry-After header");
            }
            if (lacksRetryAfter(responses.get("503"))) {
                add(Rule.UNAVAILABLE_DOCUMENTS_RETRY_AFTER, "503", "the 503 answer has no Retry-After header");
            }
            if (!responses.containsKey("500")) {
                add(Rule.DOCUMENTS_500, "500", "the operation does not document 500");
            }
            for (Parameter parameter : subject.getParameters() == null ? List.<Parameter>of()
                    : subject.getParameters()) {
                checkParameter(parameter);
            }
            if (subject.getRequestBody() != null && subject.getRequestBody().getContent() != null) {
                for (Map.Entry<String, MediaType> body : subject.getRequestBody().getContent().entrySet()) {
                    if (body.getValue().getSchema() != null) {
                        checkSchema("body " + body.getKey(), body.getValue().getSchema(), new HashSet<>());
                    }
                }
            }
        }

        private boolean needsToken() {
            List<SecurityRequirement> security = subject.getSecurity() != null ? subject.getSecurity()
                    : document.getSecurity();
            return security != null && !security.isEmpty() && security.stream().noneMatch(Map::isEmpty);
        }

        private void checkParameter(Parameter parameter) {
            String name = parameter.getName();
            String where = parameter.getIn() + " " + name;
            if (("query".equals(parameter.getIn()) || "path".equals(parameter.getIn()))
                    && CREDENTIAL_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
                add(Rule.NO_CREDENTIALS_IN_URL, where, "a credential in the URL ends up in logs and histories");
            }
            Schema<?> schema = parameter.getSchema() == null ? null : resolve(parameter.getSchema());
            if ("path".equals(parameter.getIn()) && (name.equals("id") || name.endsWith("Id")) && schema != null
                    && !"uuid".equals(schema.getFormat())) {
                add(Rule.ID_IS_UUID, where, "an id in the path is a UUID (format uuid), not a guessable value");
            }
            if (schema != null) {
                checkSchema(where, parameter.getSchema(), new HashSet<>());
            }
        }

        /** Walks a schema the caller sends, through references, properties, items and compositions. */
        private void checkSchema(String where, Schema<?> schema, Set<String> seen) {
            if (schema.get$ref() != null) {
                if (seen.add(schema.get$ref())) {
                    Schema<?> target = resolve(schema);
                    if (target != null) {
                        checkSchema(where, target, seen);
                    }
                }
                return;
            }
            Set<String> types = typesOf(schema);
            boolean boundedFormat = schema.getFormat() != null && BOUNDED_FORMATS.contains(schema.getFormat());
            if (types.contains("string") && schema.getMaxLength() == null && schema.getEnum() == null
                    && schema.getConst() == null && !boundedFormat) {
                add(Rule.STRING_BOUNDED, where, "a string has no maxLength, enum or bounded format");
            }
            // OpenAPI 3.1 writes @Positive as exclusiveMinimum: 0
            boolean lowerBound = schema.getMinimum() != null || schema.getExclusiveMinimumValue() != null;
            boolean upperBound = schema.getMaximum() != null || schema.getExclusiveMaximumValue() != null;
            if (types.contains("integer") && (!lowerBound || !upperBound) && schema.getEnum() == null) {
                add(Rule.INTEGER_BOUNDED, where, "an integer needs both minimum and maximum");
            }
            if (types.contains("array")) {
                if (schema.getMaxItems() == null) {
                    add(Rule.ARRAY_BOUNDED, where, "an array has no maxItems");
                }
                if (schema.getItems() != null) {
                    checkSchema(where + "[]", schema.getItems(), seen);
                }
            }
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((name, property) ->
                        checkSchema(where + "." + name, property, seen));
            }
            if (schema.getAdditionalProperties() instanceof Schema<?> values) {
                checkSchema(where + ".*", values, seen);
            }
            for (Schema<?> part : compositionParts(schema)) {
                checkSchema(where, part, seen);
            }
        }

        private Schema<?> resolve(Schema<?> schema) {
            if (schema.get$ref() == null) {
                return schema;
            }
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (document.getComponents() == null || document.getComponents().getSchemas() == null) {
                return null;
            }
            return document.getComponents().getSchemas().get(name);
        }

        private void add(Rule rule, String where, String message) {
            violations.add(new Violation(rule, operation, where, message));
        }
    }
}
