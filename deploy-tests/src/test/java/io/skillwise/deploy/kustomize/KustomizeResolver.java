package io.skillwise.deploy.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillwise.deploy.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small kustomize for machines without kubectl: exactly the features deploy/ uses, refusing any other field of a
 * kustomization so that a new feature cannot be silently ignored. resources (files and kustomization directories),
 * namespace, configMapGenerator (envs and files; behavior create, merge, replace; the content hash suffix and the
 * references to it; options labels and disableNameSuffixHash), patches (a JSON patch, or a merge patch of a custom resource, by target or by the patch's own kind and
 * name). Where kubectl is installed, {@code KustomizeResolverTest} checks that both render the same objects.
 */
public final class KustomizeResolver implements Kustomize {

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "namespace",
            "configMapGenerator", "patches");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass");
    private static final Set<String> BUILT_IN_GROUPS = Set.of("v1", "apps/v1", "batch/v1", "policy/v1",
            "autoscaling/v2", "networking.k8s.io/v1");

    @Override
    public List<ObjectNode> build(Path directory) {
        List<Resource> resources = accumulate(directory.toAbsolutePath().normalize());
        Map<String, String> generatedNames = new LinkedHashMap<>();
        for (Resource resource : resources) {
            if (resource.generatedName != null && resource.hashed) {
                if (resource.object.path("data").isEmpty()) {
                    // kustomize writes a ConfigMap generated without entries with no data at all
                    resource.object.remove("data");
                }
                String hashed = resource.generatedName + "-" + ConfigMapHash.of(resource.object.get("data"));
                ((ObjectNode) resource.object.get("metadata")).put("name", hashed);
                generatedNames.put(resource.generatedName, hashed);
            }
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (Resource resource : resources) {
            renameConfigMapReferences(resource.object, generatedNames);
            objects.add(resource.object);
        }
        return objects;
    }

    private record Resource(ObjectNode object, String generatedName, boolean hashed) {

        Resource(ObjectNode object, String generatedName) {
            this(object, generatedName, true);
        }
    }

    private static final Set<String> GENERATOR_OPTIONS = Set.of("labels", "disableNameSuffixHash");

    private List<Resource> accumulate(Path directory) {
        ObjectNode kustomization = Yaml.document(kustomizationFile(directory));
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(directory + ": KustomizeResolver does not know '" + field
                        + "'; teach it, or keep to the features it knows");
            }
        });
        List<Resource> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path path = directory.resolve(entry.asText()).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(accumulate(path));
            } else {
                Yaml.documents(path).forEach(object -> resources.add(new Resource(object, null)));
            }
        }
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            generate(directory, generator, resources);
        }
        for (JsonNode patch : kustomization.path("patches")) {
            patch(directory, patch, resources);
        }
        if (kustomization.hasNonNull("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            for (Resource resource : resources) {
                if (!CLUSTER_SCOPED.contains(resource.object.path("kind").asText())) {
                    metadata(resource.object).put("namespace", namespace);
                }
            }
        }
        return resources;
    }

    private static Path kustomizationFile(Path directory) {
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            if (Files.isRegularFile(directory.resolve(name))) {
                return directory.resolve(name);
            }
        }
        throw new IllegalArgumentException("no kustomization in " + directory);
    }

    private static void generate(Path directory, JsonNode generator, List<Resource> resources) {
        String name = generator.get("name").asText();
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        for (JsonNode envs : generator.path("envs")) {
            envFile(directory.resolve(envs.asText())).forEach(data::put);
        }
        for (JsonNode file : generator.path("files")) {
            // "path" (the key is the file's name) or "key=path"
            String entry = file.asText();
            int equals = entry.indexOf('=');
            Path path = directory.resolve(equals < 0 ? entry : entry.substring(equals + 1));
            try {
                data.put(equals < 0 ? path.getFileName().toString() : entry.substring(0, equals), Files.readString(path));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
        JsonNode options = generator.path("options");
        options.fieldNames().forEachRemaining(option -> {
            if (!GENERATOR_OPTIONS.contains(option)) {
                throw new IllegalArgumentException(directory + ": KustomizeResolver does not know the generator option '"
                        + option + "'");
            }
        });
        String behavior = generator.path("behavior").asText("create");
        Resource existing = resources.stream().filter(r -> name.equals(r.generatedName)).findFirst().orElse(null);
        switch (behavior) {
            case "create" -> {
                if (existing != null) {
                    throw new IllegalArgumentException("ConfigMap " + name + " is generated twice");
                }
                ObjectNode configMap = JsonNodeFactory.instance.objectNode();
                configMap.put("apiVersion", "v1");
                configMap.set("data", data);
                configMap.put("kind", "ConfigMap");
                ObjectNode metadata = configMap.putObject("metadata");
                metadata.put("name", name);
                if (options.has("labels")) {
                    metadata.set("labels", options.get("labels").deepCopy());
                }
                resources.add(new Resource(configMap, name, !options.path("disableNameSuffixHash").asBoolean(false)));
            }
            case "merge", "replace" -> {
                if (existing == null) {
                    throw new IllegalArgumentException("no generated ConfigMap " + name + " to " + behavior);
                }
                ObjectNode target = behavior.equals("merge") ? (ObjectNode) existing.object.get("data") : data;
                if (behavior.equals("merge")) {
                    target.setAll(data);
                }
                existing.object.set("data", target);
            }
            default -> throw new IllegalArgumentException("unknown generator behavior " + behavior);
        }
    }

    /** kustomize's env files: KEY=VALUE lines; blank lines and lines starting with # are skipped. */
    static Map<String, String> envFile(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String raw : Files.readAllLines(file)) {
                String line = raw.stripLeading();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int equals = line.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException(file + ": not KEY=VALUE: " + raw);
                }
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    private static void patch(Path directory, JsonNode entry, List<Resource> resources) {
        String text;
        try {
            text = entry.has("patch") ? entry.get("patch").asText() : Files.readString(directory.resolve(entry.get("path").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode parsed = parse(text);
        if (parsed.isArray()) {
            List<Resource> targets = select(resources, entry.get("target"));
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("the JSON patch " + entry + " matches nothing");
            }
            for (Resource target : targets) {
                JsonPatch.apply(target.object, parsed);
                // kustomize drops what a patch left empty of the metadata's maps
                for (String map : List.of("annotations", "labels")) {
                    if (metadata(target.object).path(map).isEmpty()) {
                        metadata(target.object).remove(map);
                    }
                }
            }
            return;
        }
        for (ObjectNode patch : Yaml.documents(text)) {
            JsonNode target = entry.has("target") ? entry.get("target") : selector(patch);
            List<Resource> targets = select(resources, target);
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("the patch of " + target + " matches nothing");
            }
            for (Resource resource : targets) {
                if (BUILT_IN_GROUPS.contains(resource.object.path("apiVersion").asText())) {
                    // a strategic merge of a built-in kind merges lists by key: the overlays use JSON patches there
                    throw new IllegalArgumentException("strategic merge patches of built-in kinds are not supported: "
                            + target);
                }
                mergePatch(resource.object, patch);
            }
        }
    }

    private static JsonNode parse(String text) {
        try {
            return Yaml.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode selector(ObjectNode patch) {
        ObjectNode selector = JsonNodeFactory.instance.objectNode();
        selector.put("kind", patch.path("kind").asText());
        selector.put("name", patch.path("metadata").path("name").asText());
        return selector;
    }

    private static List<Resource> select(List<Resource> resources, JsonNode target) {
        if (target == null) {
            throw new IllegalArgumentException("a JSON patch needs a target");
        }
        return resources.stream().filter(r -> matches(r.object, target)).toList();
    }

    private static boolean matches(ObjectNode object, JsonNode target) {
        if (target.has("kind") && !target.get("kind").asText().equals(object.path("kind").asText())) {
            return false;
        }
        if (target.has("name") && !Pattern.matches(target.get("name").asText(), object.path("metadata").path("name").asText())) {
            return false;
        }
        if (target.has("labelSelector")) {
            for (String requirement : target.get("labelSelector").asText().split(",")) {
                String[] pair = requirement.strip().split("=", 2);
                if (!pair[1].equals(object.path("metadata").path("labels").path(pair[0]).asText(null))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** JSON merge patch (RFC 7386): what kustomize does to a custom resource, whose merge keys it cannot know. */
    static void mergePatch(ObjectNode target, JsonNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode existing) {
                mergePatch(existing, value);
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    private static ObjectNode metadata(ObjectNode object) {
        return object.has("metadata") ? (ObjectNode) object.get("metadata") : object.putObject("metadata");
    }

    /** Points envFrom, env and volumes of every pod template at the generated ConfigMaps' hashed names. */
    private static void renameConfigMapReferences(JsonNode node, Map<String, String> names) {
        if (node instanceof ObjectNode object) {
            rename(object.get("configMapRef"), names);
            rename(object.get("configMapKeyRef"), names);
            rename(object.get("configMap"), names);
            object.elements().forEachRemaining(child -> renameConfigMapReferences(child, names));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> renameConfigMapReferences(child, names));
        }
    }

    private static void rename(JsonNode reference, Map<String, String> names) {
        if (reference instanceof ObjectNode object && object.has("name") && names.containsKey(object.get("name").asText())) {
            object.put("name", names.get(object.get("name").asText()));
        }
    }
}
