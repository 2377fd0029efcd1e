package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.systemtests.OwnedObjects.Owned;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.OpenApiContract;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mass assignment (OWASP API3, 2023): no request sets a field the server decides. For every write operation of the
 * merged document that takes a JSON object, the document's well-formed example is sent with one protected property
 * added ({@link #PROTECTED}), by a caller the operation admits and, where the path names an object, by that
 * object's owner (so that nothing but the added property stands in the way). The answer must be the kit's
 * {@code unreadable-body} 400 (requests are strict JSON: a property the operation does not declare is refused), a
 * validation 400 naming the property (a merge patch read as a tree refuses unknown and read-only fields by name), or,
 * if the request is accepted, an answer that does not carry the injected value. A property the operation's request
 * schema declares (an instructor sets a course's price, an admin a user's roles) is the operation's to take and is
 * not injected there.
 */
class ProtectedFieldsIT {

    private static final String INJECTED_ID = "00000000-0000-4000-8000-00000000beef";
    /**
     * What a client must never decide: identity and ownership, the object's state and history, the counters and
     * aggregates other events maintain, what the server prices, and privileges. Each with a value a caller would
     * like to set, so an accepted one is recognised in the answer.
     */
    static final Map<String, Object> PROTECTED = protectedProperties();
    /**
     * Write operations whose body is not a client's object, each with the reason; the test fails for an entry the
     * document no longer has.
     */
    static final Map<String, String> NOT_CLIENT_OBJECTS = Map.of("POST /api/v1/payments/webhook",
            "the payment provider's event, taken only with a valid signature over its exact bytes (payments.md); "
                    + "a body changed in any way is refused as forged, whatever it sets");

    private static DevStack platform;
    private static OpenAPI document;
    private static OwnedObjects objects;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
        document = MergedApiDocumentIT.mergedDocument(platform);
        objects = OwnedObjects.of(platform);
    }

    @Test
    void noWriteOperationTakesAFieldTheServerDecides() {
        ExampleRequests requests = new ExampleRequests(document);
        CallersByRole callers = new CallersByRole(objects.learner(), objects.instructor(),
                PlatformUsers.admin(platform));
        ApiClient gateway = ApiClient.at(platform.gatewayUrl());

        Map<String, String> accepted = new TreeMap<>();
        int sent = 0;
        int declared = 0;
        int operations = 0;
        Set<String> unseen = new HashSet<>(NOT_CLIENT_OBJECTS.keySet());
        for (OpenApiContract.Access access : OpenApiContract.accessOf(document)) {
            if (unseen.remove(access.method() + " " + access.path())
                    || access.method().equals("GET") || access.method().equals("DELETE")
                    || !(requests.body(access) instanceof Map<?, ?> example)) {
                continue;
            }
            operations++;
            Map<String, String> ids = new LinkedHashMap<>();
            PlatformUsers.Session caller = callerOf(access, callers, ids);
            String target = requests.target(access, ids);
            Set<String> properties = new HashSet<>(declaredProperties(access));
            for (Map.Entry<String, Object> injected : PROTECTED.entrySet()) {
                if (properties.contains(injected.getKey())) {
                    declared++;
                    continue;
                }
                Map<String, Object> body = new LinkedHashMap<>();
                example.forEach((name, value) -> body.put(String.valueOf(name), value));
                body.put(injected.getKey(), injected.getValue());
                ApiClient client = access.isPublic() ? gateway : gateway.withToken(caller.token());
                ApiResponse answer = client.send(access.method(), target, body);
                sent++;
                String broken = brokenRule(answer, injected.getKey(), injected.getValue());
                if (broken != null) {
                    accepted.put(access.method() + " " + access.path() + " with " + injected.getKey(),
                            broken + ": " + answer.status() + " " + Answers.abbreviated(answer.text()));
                }
            }
        }
        System.out.printf("[protected-fields] %d write operations, %d requests with a protected property; "
                + "%d properties skipped where the request schema declares them%n", operations, sent, declared);

        assertThat(sent).as("requests with a protected property").isPositive();
        assertThat(unseen).as("NOT_CLIENT_OBJECTS entries the document no longer has").isEmpty();
        assertThat(accepted).as("operations that did not refuse a protected property").isEmpty();
    }

    /** Why the answer to a request with an injected property breaks the rule, or null when it keeps it. */
    private static String brokenRule(ApiResponse answer, String property, Object value) {
        if (answer.status() == 400) {
            // strict JSON refuses the body as a whole; an operation that reads a merge patch as a tree (profile,
            // users, categories) refuses an unknown or read-only field by name
            boolean refused = Answers.isProblem(answer)
                    && (answer.body().path("type").asString("").endsWith("/unreadable-body")
                    || answer.fieldErrors().contains(property)
                    || answer.body().path("detail").asString("").contains("'" + property + "'"));
            return refused ? null : "a 400 that is not the refusal of an undeclared property";
        }
        if (answer.status() >= 200 && answer.status() < 300) {
            JsonNode carried = answer.body().path(property);
            return !carried.isMissingNode() && ApiClient.JSON.valueToTree(value).equals(carried)
                    ? "accepted, and the answer carries the injected value" : null;
        }
        return "neither refused as an undeclared property nor accepted";
    }

    /**
     * Who sends the request: the owner of the object the path names (with its id put in {@code ids}), else the least
     * privileged caller the operation admits.
     */
    private static PlatformUsers.Session callerOf(OpenApiContract.Access access, CallersByRole callers,
                                                  Map<String, String> ids) {
        PlatformUsers.Session owner = null;
        for (Map.Entry<String, Owned> named : objects.objectsOf(access.path()).orElse(Map.of()).entrySet()) {
            ids.put(named.getKey(), named.getValue().id());
            owner = named.getValue().owner();
        }
        return owner != null && callers.admits(access, owner) ? owner : callers.leastPrivileged(access);
    }

    /** The top-level properties of the operation's JSON request schema, through references and compositions. */
    private static Set<String> declaredProperties(OpenApiContract.Access access) {
        MediaType json = access.operation().getRequestBody().getContent().get("application/json");
        Set<String> names = new HashSet<>();
        collect(json.getSchema(), names, 0);
        return names;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void collect(Schema schema, Set<String> names, int depth) {
        if (schema == null || depth > 8) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            collect(document.getComponents().getSchemas().get(name), names, depth + 1);
        }
        if (schema.getProperties() != null) {
            names.addAll(((Map<String, Schema>) schema.getProperties()).keySet());
        }
        for (List parts : new List[]{schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()}) {
            if (parts != null) {
                parts.forEach(part -> collect((Schema) part, names, depth + 1));
            }
        }
    }

    private static Map<String, Object> protectedProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String owner : List.of("id", "ownerId", "instructorId", "userId", "authorId", "learnerId", "buyerId")) {
            properties.put(owner, INJECTED_ID);
        }
        properties.put("status", "PUBLISHED");
        properties.put("createdAt", "2001-01-01T00:00:00Z");
        properties.put("enrollmentCount", 999_999);
        properties.put("ratingAverage", 5.0);
        properties.put("ratingCount", 999_999);
        properties.put("helpfulCount", 999_999);
        properties.put("totalMinor", 1);
        properties.put("amountMinor", 1);
        properties.put("role", "admin");
        properties.put("roles", List.of("admin"));
        properties.put("emailVerified", true);
        return properties;
    }
}
