package io.skillwise.deploy.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillwise.deploy.Repository;
import io.skillwise.deploy.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class KustomizeResolverTest {

    @ParameterizedTest
    @ValueSource(strings = {"deploy/k8s/overlays/local", "deploy/k8s/overlays/production"})
    void rendersTheOverlaysExactlyAsKubectlDoes(String overlay) {
        assumeTrue(Kubectl.installed(), "kubectl is not installed: the resolver is the renderer here");

        Map<String, JsonNode> kubectl = byIdentity(new Kubectl().build(Repository.path(overlay)));
        Map<String, JsonNode> resolver = byIdentity(new KustomizeResolver().build(Repository.path(overlay)));

        assertThat(resolver.keySet()).containsExactlyElementsOf(kubectl.keySet());
        kubectl.forEach((identity, object) -> assertThat(resolver.get(identity)).as(identity).isEqualTo(object));
    }

    @Test
    void generatedConfigMapsGetKustomizesContentHash() {
        // kubectl kustomize named a ConfigMap generated with these two lines example-2ddt4h694m
        assertThat(ConfigMapHash.of(Yaml.documents("A: one\nB: <two> & three\n").getFirst()))
                .isEqualTo("2ddt4h694m");
    }

    @Test
    void aGeneratedConfigMapWithoutEntriesGetsKustomizesHashOfNoData() {
        // kubectl kustomize named a ConfigMap generated from a file of comments only example-6ct58987ht
        assertThat(ConfigMapHash.of(null)).isEqualTo("6ct58987ht");
    }

    @Test
    void aFieldTheResolverDoesNotKnowIsRefused(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("kustomization.yaml"), "resources: []\nnamePrefix: x-\n");

        assertThatThrownBy(() -> new KustomizeResolver().build(directory))
                .hasMessageContaining("does not know 'namePrefix'");
    }

    @Test
    void aJsonPatchThatMatchesNothingIsRefused(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("kustomization.yaml"), """
                resources: [cm.yaml]
                patches:
                  - target: {kind: Deployment}
                    patch: '[{"op": "replace", "path": "/spec/replicas", "value": 2}]'
                """);
        Files.writeString(directory.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");

        assertThatThrownBy(() -> new KustomizeResolver().build(directory)).hasMessageContaining("matches nothing");
    }

    @Test
    void aReplaceOfAMissingPathIsRefused() {
        ObjectNode object = Yaml.documents("spec: {a: 1}").getFirst();

        assertThatThrownBy(() -> JsonPatch.apply(object, Yaml.documents("p: [{op: replace, path: /spec/b, value: 2}]")
                .getFirst().get("p"))).hasMessageContaining("does not exist");
    }

    private static Map<String, JsonNode> byIdentity(List<ObjectNode> objects) {
        Map<String, JsonNode> byIdentity = new TreeMap<>();
        for (ObjectNode object : objects) {
            JsonNode metadata = object.path("metadata");
            byIdentity.put(object.path("apiVersion").asText() + " " + object.path("kind").asText() + " "
                    + metadata.path("namespace").asText() + "/" + metadata.path("name").asText(), object);
        }
        return byIdentity;
    }
}
