package io.skillwise.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Finds the differences between two versions of one event schema that would break a consumer.
 *
 * <p>Both directions matter for us: consumers built against the old schema read events produced under the new one
 * (so nothing they read may disappear or change type), and consumers built against the new schema read old events
 * from the log, because topics are kept for replay (so no field may become required, and no enum value may vanish).
 * Adding an optional field is the one change that is safe in both directions. Enum values may not be added either:
 * a consumer holding the old Java enum cannot deserialise a constant it does not have.
 *
 * <p>Only local {@code $ref}s ({@code #/...}) are followed, which is all our schemas use.
 */
final class SchemaCompatibilityChecker {

    private static final List<String> COMPOSITIONS = List.of("allOf", "anyOf", "oneOf", "not", "if", "then", "else");

    private final JsonNode baselineRoot;
    private final JsonNode currentRoot;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> comparedRefPairs = new HashSet<>();

    private SchemaCompatibilityChecker(JsonNode baselineRoot, JsonNode currentRoot) {
        this.baselineRoot = baselineRoot;
        this.currentRoot = currentRoot;
    }

    /** Every breaking change from {@code baseline} to {@code current}, one readable sentence each; empty if none. */
    static List<String> breakingChanges(JsonNode baseline, JsonNode current) {
        SchemaCompatibilityChecker checker = new SchemaCompatibilityChecker(baseline, current);
        checker.compare(baseline, current, "");
        return List.copyOf(checker.problems);
    }

    private void compare(JsonNode baselineNode, JsonNode currentNode, String path) {
        String refPair = baselineNode.path("$ref").asString("") + "|" + currentNode.path("$ref").asString("");
        if (!refPair.equals("|") && !comparedRefPairs.add(path + refPair)) {
            return;
        }
        JsonNode was = resolve(baselineRoot, baselineNode);
        JsonNode now = resolve(currentRoot, currentNode);

        Set<String> typesWas = types(was);
        Set<String> typesNow = types(now);
        if (!typesWas.equals(typesNow)) {
            problems.add(where(path) + "type changed from " + typesWas + " to " + typesNow);
            return;
        }
        if (!Objects.equals(text(was, "format"), text(now, "format"))) {
            problems.add(where(path) + "format changed from " + text(was, "format") + " to " + text(now, "format"));
        }
        compareEnum(was, now, path);
        if (!Objects.equals(was.get("const"), now.get("const"))) {
            problems.add(where(path) + "const changed from " + was.get("const") + " to " + now.get("const"));
        }
        for (String keyword : COMPOSITIONS) {
            if (!Objects.equals(was.get(keyword), now.get(keyword))) {
                problems.add(where(path) + "'" + keyword + "' changed; this checker cannot prove it compatible");
            }
        }
        compareObject(was, now, path);
        if (was.has("items") || now.has("items")) {
            if (!was.has("items") || !now.has("items")) {
                problems.add(where(path) + "array item schema added or removed");
            } else {
                compare(was.get("items"), now.get("items"), path + "[]");
            }
        }
    }

    private void compareObject(JsonNode was, JsonNode now, String path) {
        JsonNode propertiesWas = was.path("properties");
        JsonNode propertiesNow = now.path("properties");
        for (String name : propertiesWas.propertyNames()) {
            String fieldPath = path.isEmpty() ? name : path + "." + name;
            if (!propertiesNow.has(name)) {
                problems.add("field '" + fieldPath + "' was removed");
            } else {
                compare(propertiesWas.get(name), propertiesNow.get(name), fieldPath);
            }
        }
        Set<String> requiredWas = strings(was.path("required"));
        Set<String> requiredNow = strings(now.path("required"));
        for (String name : requiredNow) {
            if (!requiredWas.contains(name)) {
                problems.add("field '" + (path.isEmpty() ? name : path + "." + name) + "' is newly required"
                        + (propertiesWas.has(name) ? " (it was optional)" : " (it is new)"));
            }
        }
        for (String name : requiredWas) {
            if (!requiredNow.contains(name) && propertiesNow.has(name)) {
                problems.add("field '" + (path.isEmpty() ? name : path + "." + name)
                        + "' is no longer required, but consumers rely on it being there");
            }
        }
        if (allowsUnknown(was) && !allowsUnknown(now)) {
            problems.add(where(path) + "no longer allows additional properties");
        }
    }

    private void compareEnum(JsonNode was, JsonNode now, String path) {
        if (!was.has("enum") && !now.has("enum")) {
            return;
        }
        if (!was.has("enum") || !now.has("enum")) {
            problems.add(where(path) + (was.has("enum") ? "enum restriction removed" : "enum restriction added"));
            return;
        }
        Set<String> valuesWas = strings(was.get("enum"));
        Set<String> valuesNow = strings(now.get("enum"));
        Set<String> removed = new TreeSet<>(valuesWas);
        removed.removeAll(valuesNow);
        Set<String> added = new TreeSet<>(valuesNow);
        added.removeAll(valuesWas);
        if (!removed.isEmpty()) {
            problems.add(where(path) + "enum values removed: " + removed);
        }
        if (!added.isEmpty()) {
            problems.add(where(path) + "enum values added: " + added + " (older consumers cannot read them)");
        }
    }

    /** Follows local {@code $ref}s from {@code node} to the schema they point at. */
    static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            String ref = current.get("$ref").asString();
            if (!ref.startsWith("#") || hops > 32) {
                throw new IllegalArgumentException("only local, non-circular $ref are supported: " + ref);
            }
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalArgumentException("$ref " + ref + " points nowhere");
            }
            current = target;
        }
        return current;
    }

    private static Set<String> types(JsonNode node) {
        JsonNode type = node.get("type");
        if (type == null) {
            return Collections.emptySet();
        }
        return type.isArray() ? new TreeSet<>(strings(type)) : Set.of(type.asString());
    }

    private static boolean allowsUnknown(JsonNode node) {
        JsonNode additional = node.get("additionalProperties");
        return additional == null || !additional.isBoolean() || additional.booleanValue();
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode value : array.values()) {
            values.add(value.isString() ? value.asString() : value.toString());
        }
        return values;
    }

    private static String text(JsonNode node, String keyword) {
        JsonNode value = node.get(keyword);
        return value == null ? null : value.asString();
    }

    private static String where(String path) {
        return path.isEmpty() ? "the event: " : "field '" + path + "': ";
    }
}
