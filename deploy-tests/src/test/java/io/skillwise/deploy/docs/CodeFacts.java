package io.skillwise.deploy.docs;

import io.skillwise.deploy.Repository;
import io.skillwise.events.EventCatalog;
import io.skillwise.events.EventDescriptor;
import io.skillwise.events.Topics;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.NodeList;

/** What the code says exists: the service modules of the reactor, the topics and the events. */
final class CodeFacts {

    private static final String SERVICE_SUFFIX = "-service";

    private CodeFacts() {
    }

    /** The deployable services: {@code gateway} and every {@code *-service} module of the root pom. */
    static Set<String> serviceModules() {
        Path pom = Repository.path("pom.xml");
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList modules = factory.newDocumentBuilder().parse(pom.toFile()).getElementsByTagName("module");
            Set<String> services = new LinkedHashSet<>();
            for (int i = 0; i < modules.getLength(); i++) {
                String module = modules.item(i).getTextContent().strip();
                if (isServiceName(module)) {
                    services.add(module);
                }
            }
            return services;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the modules of " + pom, e);
        }
    }

    /** Whether a name has the shape of a service, whether or not such a module exists. */
    static boolean isServiceName(String name) {
        return name.equals("gateway") || name.endsWith(SERVICE_SUFFIX);
    }

    /** Whether a name has the shape of a topic ({@code context.stream.vN}), whether or not it exists. */
    static boolean isTopicName(String name) {
        return name.matches("[a-z]+\\.[a-z]+\\.v[0-9]+");
    }

    static boolean isTopic(String name) {
        return Topics.all().contains(name);
    }

    /** The service that publishes on a topic: the one of the context its events are filed under. */
    static Optional<String> producerOf(String topic) {
        Set<String> contexts = EventCatalog.onTopic(topic).stream()
                .map(EventDescriptor::context)
                .collect(Collectors.toSet());
        return contexts.size() == 1 ? Optional.of(contexts.iterator().next() + SERVICE_SUFFIX) : Optional.empty();
    }

    /** The names of the events on a topic, e.g. {@code CoursePurchased}. */
    static List<String> eventsOn(String topic) {
        return EventCatalog.onTopic(topic).stream().map(EventDescriptor::name).toList();
    }

    static boolean isEvent(String name) {
        return EventCatalog.all().stream().anyMatch(descriptor -> descriptor.name().equals(name));
    }
}
