package io.skillwise.deploy.config;

import java.util.List;
import java.util.Locale;

/**
 * The environment variable names Spring Boot binds to a key: dots and list brackets become underscores, and the
 * dashes are either dropped (the canonical form, SKILLWISE_IDENTITY_KEYCLOAK_ADMINCLIENTSECRET) or underscores too
 * (the legacy form Boot still binds, SKILLWISE_SECURITY_JWK_SET_URI).
 */
public final class EnvironmentNames {

    private EnvironmentNames() {
    }

    public static List<String> names(String key) {
        String base = key.replace("[", ".").replace("]", "").replace('.', '_').toUpperCase(Locale.ROOT);
        return List.of(base.replace("-", ""), base.replace('-', '_'));
    }
}
