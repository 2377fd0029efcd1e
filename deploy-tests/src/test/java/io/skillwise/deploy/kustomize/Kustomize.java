package io.skillwise.deploy.kustomize;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.List;

/** Renders a kustomization directory into the objects it stands for. */
public interface Kustomize {

    List<ObjectNode> build(Path directory);

    /** What renders here: kubectl's own kustomize where kubectl is installed, else {@link KustomizeResolver}. */
    static Kustomize available() {
        return Kubectl.installed() ? new Kubectl() : new KustomizeResolver();
    }
}
