package io.skillwise.deploy.kustomize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillwise.deploy.Command;
import io.skillwise.deploy.Yaml;

import java.nio.file.Path;
import java.util.List;

/** {@code kubectl kustomize}: the renderer the operators use (kustomize built into kubectl, no cluster needed). */
public final class Kubectl implements Kustomize {

    private static final boolean INSTALLED = Command.run("kubectl", "version", "--client").succeeded();

    public static boolean installed() {
        return INSTALLED;
    }

    @Override
    public List<ObjectNode> build(Path directory) {
        Command.Result result = Command.run("kubectl", "kustomize", directory.toString());
        if (!result.succeeded()) {
            throw new IllegalStateException("kubectl kustomize " + directory + " failed: " + result.errors());
        }
        return Yaml.documents(result.output());
    }
}
