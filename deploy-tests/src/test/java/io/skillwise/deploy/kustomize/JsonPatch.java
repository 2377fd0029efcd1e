package io.skillwise.deploy.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** The JSON Patch (RFC 6902) operations the overlays use: add, replace, remove. */
final class JsonPatch {

    private JsonPatch() {
    }

    static void apply(ObjectNode target, JsonNode operations) {
        if (!operations.isArray()) {
            throw new IllegalArgumentException("a JSON patch is a list of operations: " + operations);
        }
        for (JsonNode operation : operations) {
            String op = text(operation, "op");
            List<String> path = pointer(text(operation, "path"));
            JsonNode parent = navigate(target, path.subList(0, path.size() - 1), operation);
            String last = path.getLast();
            switch (op) {
                case "add" -> add(parent, last, value(operation), operation);
                case "replace" -> {
                    requireExisting(parent, last, operation);
                    set(parent, last, value(operation));
                }
                case "remove" -> {
                    requireExisting(parent, last, operation);
                    if (parent instanceof ObjectNode object) {
                        object.remove(last);
                    } else {
                        ((ArrayNode) parent).remove(Integer.parseInt(last));
                    }
                }
                default -> throw new IllegalArgumentException("unsupported JSON patch operation " + op);
            }
        }
    }

    private static void add(JsonNode parent, String last, JsonNode value, JsonNode operation) {
        if (parent instanceof ArrayNode array) {
            if (last.equals("-")) {
                array.add(value);
            } else {
                array.insert(index(array, last, true, operation), value);
            }
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    private static void set(JsonNode parent, String last, JsonNode value) {
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    private static void requireExisting(JsonNode parent, String last, JsonNode operation) {
        boolean exists = parent instanceof ArrayNode array ? index(array, last, false, operation) >= 0 : parent.has(last);
        if (!exists) {
            throw new IllegalArgumentException("the path of " + operation + " does not exist");
        }
    }

    private static JsonNode navigate(JsonNode node, List<String> path, JsonNode operation) {
        JsonNode current = node;
        for (String step : path) {
            JsonNode next = current.isArray() ? current.get(index((ArrayNode) current, step, false, operation)) : current.get(step);
            if (next == null || !(next.isObject() || next.isArray())) {
                throw new IllegalArgumentException("the path of " + operation + " does not exist");
            }
            current = next;
        }
        return current;
    }

    private static int index(ArrayNode array, String step, boolean mayEqualSize, JsonNode operation) {
        int index = Integer.parseInt(step);
        if (index < 0 || index > array.size() || (index == array.size() && !mayEqualSize)) {
            throw new IllegalArgumentException("index " + index + " out of range in " + operation);
        }
        return index;
    }

    /** RFC 6901: "/a/b~1c" is ["a", "b/c"]. */
    static List<String> pointer(String pointer) {
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("a JSON pointer starts with /: " + pointer);
        }
        List<String> steps = new ArrayList<>();
        for (String step : pointer.substring(1).split("/", -1)) {
            steps.add(step.replace("~1", "/").replace("~0", "~"));
        }
        return steps;
    }

    private static JsonNode value(JsonNode operation) {
        JsonNode value = operation.get("value");
        if (value == null) {
            throw new IllegalArgumentException("no value in " + operation);
        }
        return value.deepCopy();
    }

    private static String text(JsonNode operation, String field) {
        JsonNode value = operation.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("no " + field + " in " + operation);
        }
        return value.asText();
    }
}
