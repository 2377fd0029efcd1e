package io.skillwise.deploy.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The configuration keys Spring Boot and Spring Cloud Gateway declare (META-INF/spring-configuration-metadata.json of
 * their jars on this module's class path), and which of them hold maps (any sub-key is valid under those).
 */
final class SpringBootKeys {

    private static final SpringBootKeys INSTANCE = load();

    private final Set<String> keys;
    private final Set<String> mapKeys;

    private SpringBootKeys(Set<String> keys, Set<String> mapKeys) {
        this.keys = keys;
        this.mapKeys = mapKeys;
    }

    static SpringBootKeys get() {
        return INSTANCE;
    }

    Set<String> keys() {
        return keys;
    }

    Set<String> mapKeys() {
        return mapKeys;
    }

    private static SpringBootKeys load() {
        Set<String> keys = new TreeSet<>();
        Set<String> mapKeys = new TreeSet<>();
        JsonMapper json = new JsonMapper();
        try {
            for (URL url : Collections.list(SpringBootKeys.class.getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        String name = property.path("name").asText();
                        keys.add(name);
                        if (property.path("type").asText().startsWith("java.util.Map")) {
                            mapKeys.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!keys.contains("management.server.port") || !keys.contains("spring.datasource.url")) {
            throw new IllegalStateException("Spring Boot's configuration metadata is not on the class path");
        }
        return new SpringBootKeys(Set.copyOf(keys), Set.copyOf(mapKeys));
    }
}
