package io.skillwise.deploy.config;

import io.skillwise.deploy.Repository;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One of the nine deployable applications, as the root pom lists them: the gateway and every *-service module. */
public record Application(String name, boolean gateway) {

    /** The image every deployment runs: skillwise/&lt;artifactId&gt;:&lt;project version&gt;. */
    public String image() {
        return "skillwise/" + name + ":" + projectVersion();
    }

    public Path directory() {
        return Repository.path(name);
    }

    public ApplicationConfiguration configuration() {
        return ApplicationConfiguration.of(this);
    }

    public static List<Application> all() {
        Element project = pom(Repository.path("pom.xml"));
        List<Application> applications = new ArrayList<>();
        NodeList modules = ((Element) project.getElementsByTagName("modules").item(0)).getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            String module = modules.item(i).getTextContent().strip();
            if (module.equals("gateway") || module.endsWith("-service")) {
                String artifactId = child(pom(Repository.path(module).resolve("pom.xml")), "artifactId");
                if (!artifactId.equals(module)) {
                    throw new IllegalStateException("module " + module + " builds " + artifactId + ": image names follow the directory");
                }
                applications.add(new Application(module, module.equals("gateway")));
            }
        }
        return applications;
    }

    public static Application named(String name) {
        return all().stream().filter(a -> a.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no application " + name));
    }

    public static String projectVersion() {
        return child(pom(Repository.path("pom.xml")), "version");
    }

    /** The artifactIds this application's pom depends on directly. */
    List<String> dependencies() {
        return pomDependencies(name);
    }

    /** The artifactIds a module's pom depends on directly. */
    static List<String> pomDependencies(String module) {
        NodeList dependencies = pom(Repository.path(module).resolve("pom.xml")).getElementsByTagName("dependency");
        List<String> artifactIds = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            artifactIds.add(child((Element) dependencies.item(i), "artifactId"));
        }
        return artifactIds;
    }

    static Element pom(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(Files.newInputStream(file));
            return document.getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** The text of a direct child element (not one of a nested parent or plugin). */
    static String child(Element element, String name) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent().strip();
            }
        }
        throw new IllegalStateException("no <" + name + "> in <" + element.getTagName() + ">");
    }
}
