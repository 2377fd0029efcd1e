package io.skillwise.deploy.compose;

import java.util.LinkedHashMap;
import java.util.Map;

/** A .env file as Compose reads it: KEY=VALUE lines, # comments and blank lines skipped. */
final class EnvFile {

    private EnvFile() {
    }

    static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("not KEY=VALUE: " + line);
            }
            values.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
        }
        return values;
    }
}
