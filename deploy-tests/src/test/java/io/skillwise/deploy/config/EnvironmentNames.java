package io.skillwise.deploy.config;

import java.util.List;
import java.util.Locale;

/**
 * The environment variable names Spring Boot binds to a key: dots and list brackets become underscores, and the
 * dashes are either dropped (the canonical form, SKILLWISE_CATALOG_CONTENT_URLSIGNINGSECRET) or underscores too
 * (the legacy form Boot still binds, SKILLWISE_CATALOG_CONTENT_URL_SIGNING_SECRET).
 */
public final class EnvironmentNames {

    private EnvironmentNames() {
    }

    public static List<String> names(String key) {
        String base = key.replace("[", ".").replace("]", "").replace('.', '_').toUpperCase(Locale.ROOT);
        return List.of(base.replace("-", ""), base.replace('-', '_'));
    }
}
