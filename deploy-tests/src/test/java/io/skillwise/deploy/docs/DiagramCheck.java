package io.skillwise.deploy.docs;

import io.skillwise.deploy.Docs;
import io.skillwise.deploy.docs.Flowchart.Edge;
import io.skillwise.deploy.docs.Flowchart.Kind;
import io.skillwise.deploy.docs.SequenceDiagram.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The names a diagram uses that the code does not back, as readable problems (empty: the diagram is true). */
final class DiagramCheck {

    private final Set<String> services;

    DiagramCheck(Set<String> services) {
        this.services = services;
    }

    List<String> problems(Flowchart chart) {
        List<String> problems = new ArrayList<>();
        chart.labels(Kind.SERVICE).stream()
                .filter(label -> !services.contains(label))
                .forEach(label -> problems.add("no service module '" + label + "'"));
        chart.labels(Kind.TOPIC).stream()
                .filter(label -> !CodeFacts.isTopic(label))
                .forEach(label -> problems.add("no topic '" + label + "' in Topics"));
        for (Edge edge : chart.edges()) {
            if (edge.from().kind() == Kind.SERVICE && edge.to().kind() == Kind.TOPIC) {
                producerProblem(edge.from().label(), edge.to().label()).ifPresent(problems::add);
            }
        }
        return problems;
    }

    List<String> problems(SequenceDiagram diagram) {
        List<String> problems = new ArrayList<>();
        for (String label : diagram.participants().values()) {
            if (CodeFacts.isServiceName(label) && !services.contains(label)) {
                problems.add("no service module '" + label + "'");
            }
            if (CodeFacts.isTopicName(label) && !CodeFacts.isTopic(label)) {
                problems.add("no topic '" + label + "' in Topics");
            }
        }
        for (Message message : diagram.messages()) {
            String topic = CodeFacts.isTopicName(message.to()) ? message.to()
                    : CodeFacts.isTopicName(message.from()) ? message.from() : null;
            if (topic == null || !CodeFacts.isTopic(topic)) {
                continue;
            }
            for (String event : Docs.list(message.text())) {
                if (!CodeFacts.isEvent(event)) {
                    problems.add("no event '" + event + "' in EventCatalog");
                } else if (!CodeFacts.eventsOn(topic).contains(event)) {
                    problems.add("event " + event + " is not published on " + topic);
                }
            }
            if (topic.equals(message.to())) {
                producerProblem(message.from(), topic).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private static Optional<String> producerProblem(String service, String topic) {
        if (!CodeFacts.isTopic(topic) || CodeFacts.producerOf(topic).equals(Optional.of(service))) {
            return Optional.empty();
        }
        return Optional.of(service + " does not publish on " + topic + " (" + CodeFacts.producerOf(topic)
                .orElse("no single producer") + " does)");
    }
}
