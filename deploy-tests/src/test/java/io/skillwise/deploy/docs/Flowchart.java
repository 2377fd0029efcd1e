package io.skillwise.deploy.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Mermaid flowchart in the subset docs/diagrams.md documents: nodes declared one per line with a quoted label and a
 * class, edges between declared ids, {@code classDef} lines. Anything else is refused, so a diagram cannot name a
 * service or topic in a form the checks would not see.
 */
record Flowchart(Map<String, Node> nodes, List<Edge> edges) {

    enum Kind { SERVICE, TOPIC, STORE, EXTERNAL }

    record Node(String id, String label, Kind kind) {
    }

    record Edge(Node from, Node to) {
    }

    private static final Set<String> HEADERS = Set.of("flowchart LR", "flowchart TB");
    private static final Pattern NODE =
            Pattern.compile("([A-Za-z][A-Za-z0-9]*)\\[(\\(?)\"([^\"]+)\"(\\)?)]:::([a-z]+)");
    private static final Pattern EDGE =
            Pattern.compile("([A-Za-z][A-Za-z0-9]*) +(?:-->|-\\.->)(?:\\|[^|]+\\|)? +([A-Za-z][A-Za-z0-9]*)");

    static Flowchart parse(String source) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        for (String line : MermaidStatements.after(HEADERS, source)) {
            Matcher node = NODE.matcher(line);
            Matcher edge = EDGE.matcher(line);
            if (line.startsWith("classDef ")) {
                continue;
            } else if (node.matches()) {
                Node declared = new Node(node.group(1), node.group(3), kind(node.group(5), line));
                if (nodes.putIfAbsent(declared.id(), declared) != null) {
                    throw new IllegalArgumentException("node declared twice: " + line);
                }
            } else if (edge.matches()) {
                edges.add(new Edge(declared(nodes, edge.group(1), line), declared(nodes, edge.group(2), line)));
            } else {
                throw new IllegalArgumentException("line outside the documented Mermaid subset: " + line);
            }
        }
        return new Flowchart(Map.copyOf(nodes), List.copyOf(edges));
    }

    /** The labels of the nodes of one kind. */
    List<String> labels(Kind kind) {
        return nodes.values().stream().filter(node -> node.kind() == kind).map(Node::label).toList();
    }

    private static Kind kind(String className, String line) {
        return switch (className) {
            case "service" -> Kind.SERVICE;
            case "topic" -> Kind.TOPIC;
            case "store" -> Kind.STORE;
            case "external" -> Kind.EXTERNAL;
            default -> throw new IllegalArgumentException("unknown node class '" + className + "': " + line);
        };
    }

    private static Node declared(Map<String, Node> nodes, String id, String line) {
        Node node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("edge to a node not declared before it: " + line);
        }
        return node;
    }
}
