package io.skillwise.deploy.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillwise.deploy.Repository;
import io.skillwise.deploy.kustomize.Kustomize;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** One overlay of deploy/k8s rendered (once per test run) and every object of it in its typed model. */
public final class Overlay {

    private static final Map<String, Overlay> RENDERED = new ConcurrentHashMap<>();

    private final String name;
    private final List<ObjectNode> objects;
    private final List<Object> typed;

    private Overlay(String name) {
        this.name = name;
        this.objects = Kustomize.available().build(Repository.path("deploy/k8s/overlays/" + name));
        this.typed = objects.stream().map(TypedModels::load).toList();
    }

    /** {@code local} or {@code production}. */
    public static Overlay named(String name) {
        return RENDERED.computeIfAbsent(name, Overlay::new);
    }

    public String name() {
        return name;
    }

    public boolean isProduction() {
        return name.equals("production");
    }

    public List<ObjectNode> objects() {
        return objects;
    }

    public <T> List<T> all(Class<T> model) {
        return typed.stream().filter(model::isInstance).map(model::cast).toList();
    }

    public <T> Optional<T> find(Class<T> model, String objectName) {
        return all(model).stream().filter(object -> objectName.equals(nameOf(object))).findFirst();
    }

    public <T> T get(Class<T> model, String objectName) {
        return find(model, objectName).orElseThrow(() -> new AssertionError(
                "the " + name + " overlay has no " + model.getSimpleName() + " " + objectName));
    }

    /** The container "app" of an application's Deployment. */
    public io.fabric8.kubernetes.api.model.Container applicationContainer(String application) {
        return get(io.fabric8.kubernetes.api.model.apps.Deployment.class, application).getSpec().getTemplate().getSpec()
                .getContainers().stream().filter(c -> c.getName().equals("app")).findFirst()
                .orElseThrow(() -> new AssertionError(application + " has no container 'app'"));
    }

    private static String nameOf(Object object) {
        if (object instanceof io.fabric8.kubernetes.api.model.HasMetadata resource) {
            return resource.getMetadata().getName();
        }
        if (object instanceof Record record) {
            try {
                Object metadata = record.getClass().getMethod("metadata").invoke(record);
                return ((io.fabric8.kubernetes.api.model.ObjectMeta) metadata).getName();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("no name for " + object);
    }
}
