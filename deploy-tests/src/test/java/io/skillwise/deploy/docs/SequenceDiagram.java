package io.skillwise.deploy.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Mermaid sequence diagram in the subset docs/diagrams.md documents: participants declared with a label, messages
 * between declared ids, notes and the grouping keywords. Anything else is refused.
 */
record SequenceDiagram(Map<String, String> participants, List<Message> messages) {

    /** A message between the labels of two participants. */
    record Message(String from, String to, String text) {
    }

    private static final Pattern PARTICIPANT =
            Pattern.compile("(?:participant|actor) +([A-Za-z][A-Za-z0-9]*) +as +(.+)");
    private static final Pattern MESSAGE =
            Pattern.compile("([A-Za-z][A-Za-z0-9]*)(?:->>|-->>)([A-Za-z][A-Za-z0-9]*): *(.+)");
    private static final Pattern STRUCTURE =
            Pattern.compile("autonumber|end|(?:Note over|opt|alt|else|par|and|loop) .+");

    static SequenceDiagram parse(String source) {
        Map<String, String> participants = new LinkedHashMap<>();
        List<Message> messages = new ArrayList<>();
        for (String line : MermaidStatements.after(Set.of("sequenceDiagram"), source)) {
            Matcher participant = PARTICIPANT.matcher(line);
            Matcher message = MESSAGE.matcher(line);
            if (participant.matches()) {
                if (participants.putIfAbsent(participant.group(1), participant.group(2).strip()) != null) {
                    throw new IllegalArgumentException("participant declared twice: " + line);
                }
            } else if (message.matches()) {
                messages.add(new Message(
                        label(participants, message.group(1), line),
                        label(participants, message.group(2), line),
                        message.group(3).strip()));
            } else if (!STRUCTURE.matcher(line).matches()) {
                throw new IllegalArgumentException("line outside the documented Mermaid subset: " + line);
            }
        }
        return new SequenceDiagram(Map.copyOf(participants), List.copyOf(messages));
    }

    private static String label(Map<String, String> participants, String id, String line) {
        String label = participants.get(id);
        if (label == null) {
            throw new IllegalArgumentException("message of a participant not declared before it: " + line);
        }
        return label;
    }
}
