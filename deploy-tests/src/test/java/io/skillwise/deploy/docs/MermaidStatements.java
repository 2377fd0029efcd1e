package io.skillwise.deploy.docs;

import java.util.List;
import java.util.Set;

/** The statements of a Mermaid block: one a line, blank lines dropped, the header line checked and removed. */
final class MermaidStatements {

    private MermaidStatements() {
    }

    static List<String> after(Set<String> headers, String source) {
        List<String> lines = source.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (lines.isEmpty() || !headers.contains(lines.getFirst())) {
            throw new IllegalArgumentException("not a diagram starting with one of " + headers + ": " + lines);
        }
        return lines.subList(1, lines.size());
    }
}
