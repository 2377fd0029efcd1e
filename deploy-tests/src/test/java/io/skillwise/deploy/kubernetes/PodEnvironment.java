package io.skillwise.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment a container gets: plain values (its own or from the ConfigMaps it takes whole), values from Secret
 * keys, and whole Secrets (whose keys are known only when the Secret is made).
 */
public record PodEnvironment(Map<String, String> values, Map<String, SecretKeySelector> fromSecrets,
                             List<String> wholeSecrets) {

    /** The environment of an application's container in the overlay. */
    public static PodEnvironment of(Overlay overlay, String application) {
        return of(overlay.applicationContainer(application), overlay);
    }

    public static PodEnvironment of(Container container, Overlay overlay) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, SecretKeySelector> fromSecrets = new LinkedHashMap<>();
        List<String> wholeSecrets = new java.util.ArrayList<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                ConfigMap configMap = overlay.get(ConfigMap.class, source.getConfigMapRef().getName());
                if (configMap.getData() != null) {
                    values.putAll(configMap.getData());
                }
            } else if (source.getSecretRef() != null) {
                wholeSecrets.add(source.getSecretRef().getName());
            }
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                fromSecrets.put(variable.getName(), variable.getValueFrom().getSecretKeyRef());
            } else if (variable.getValueFrom() == null) {
                values.put(variable.getName(), variable.getValue());
            } else {
                throw new AssertionError(variable.getName() + ": only values and Secret keys are expected");
            }
        }
        return new PodEnvironment(values, fromSecrets, wholeSecrets);
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public List<String> names() {
        List<String> names = new java.util.ArrayList<>(values.keySet());
        names.addAll(fromSecrets.keySet());
        return names;
    }
}
