package io.skillwise.production;

import java.util.List;

/**
 * One setting that production must give a value of its own, declared by the application under
 * {@code skillwise.production.required.<name>} (its application.yml, or the service kit's defaults):
 *
 * <pre>
 * skillwise.production.required.url-signing-secret:
 *   key: skillwise.catalog.content.url-signing-secret
 *   development-values: dev-only-catalog-url-signing-secret
 * </pre>
 *
 * @param key               the configuration key; when it names a map (no value of its own, entries below it), every
 *                          entry is checked and at least one is needed
 * @param developmentValues the values committed for local runs and tests: public, so refused in production
 * @param whenPresent       when set, the requirement applies only if this other key has a value (the database
 *                          password only where a database is configured)
 */
public record Requirement(String key, List<String> developmentValues, String whenPresent) {

    public Requirement {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a production requirement needs a key");
        }
        developmentValues = developmentValues == null ? List.of()
                : developmentValues.stream().map(String::strip).toList();
    }

    /** The environment variable that sets the key through Spring's relaxed binding. */
    static String environmentVariable(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace("-", "");
    }
}
